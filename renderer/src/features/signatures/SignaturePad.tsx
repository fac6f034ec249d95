import { Button, Flex, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { exportSignaturePng } from './export-signature';
import type { ExportPng } from './export-signature';
import { clampPoint, drawSegment, drawStrokes, hasInk } from './signature-strokes';
import type { PadSize, Stroke, StrokePoint } from './signature-strokes';

interface Props {
  /** Whose signature this is, read out with the drawing area. */
  label: string;
  /** Receives the PNG when the person presses Done; the pad shows progress until it settles. */
  onDone(png: Blob): Promise<void> | void;
  onCancel?: () => void;
  /** How strokes become PNG bytes; tests pass their own (jsdom has no canvas encoder). */
  exportPng?: ExportPng;
  size?: PadSize;
}

const DEFAULT_SIZE: PadSize = { width: 480, height: 180 };

/**
 * A signature drawn with a mouse, pen or finger (pointer events, one pointer at a time). A
 * signature must be drawn by the person signing: there is deliberately no typed alternative.
 */
export function SignaturePad({
  label,
  onDone,
  onCancel,
  exportPng = exportSignaturePng,
  size = DEFAULT_SIZE,
}: Props) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const current = useRef<{ pointerId: number; points: StrokePoint[] } | null>(null);
  const [strokes, setStrokes] = useState<readonly Stroke[]>([]);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  const scale = typeof window === 'undefined' ? 1 : Math.max(1, window.devicePixelRatio || 1);

  const context = useCallback(() => canvasRef.current?.getContext('2d') ?? null, []);

  useEffect(() => {
    const ctx = context();
    if (ctx) drawStrokes(ctx, strokes, size, scale);
  }, [context, strokes, size, scale]);

  const pointFrom = (event: { clientX: number; clientY: number; pressure: number }) => {
    const rect = canvasRef.current?.getBoundingClientRect();
    // The canvas may be shown smaller than its drawing size (a narrow window): map back.
    const sx = rect && rect.width > 0 ? size.width / rect.width : 1;
    const sy = rect && rect.height > 0 ? size.height / rect.height : 1;
    return clampPoint(
      {
        x: (event.clientX - (rect?.left ?? 0)) * sx,
        y: (event.clientY - (rect?.top ?? 0)) * sy,
        pressure: event.pressure,
      },
      size,
    );
  };

  const extend = (point: StrokePoint) => {
    const stroke = current.current;
    if (!stroke) return;
    stroke.points.push(point);
    const ctx = context();
    if (ctx) drawSegment(ctx, stroke.points, stroke.points.length - 1);
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (current.current || saving) return;
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    current.current = { pointerId: event.pointerId, points: [] };
    setFailed(false);
    extend(pointFrom(event));
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (current.current?.pointerId !== event.pointerId) return;
    // Coalesced events keep a fast pen stroke smooth where the screen refreshes slower.
    const events = event.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const e of events.length > 0 ? events : [event]) extend(pointFrom(e));
  };

  const finish = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const stroke = current.current;
    if (stroke?.pointerId !== event.pointerId) return;
    current.current = null;
    setStrokes((previous) => [...previous, stroke.points]);
  };

  const done = async () => {
    setSaving(true);
    setFailed(false);
    try {
      await onDone(await exportPng(strokes, size));
    } catch {
      setFailed(true);
    } finally {
      setSaving(false);
    }
  };

  const inked = hasInk(strokes);
  return (
    <Flex vertical gap={8}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={t('signatures.padLabel', { name: label })}
        data-testid="signature-pad"
        width={Math.round(size.width * scale)}
        height={Math.round(size.height * scale)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={finish}
        onPointerCancel={finish}
        style={{
          width: '100%',
          maxWidth: size.width,
          aspectRatio: `${size.width} / ${size.height}`,
          border: '1px dashed #bfbfbf',
          borderRadius: 6,
          background: '#fff',
          // The page must not scroll or zoom while a finger draws.
          touchAction: 'none',
          cursor: 'crosshair',
        }}
      />
      <Typography.Text type="secondary">{t('signatures.padHelp')}</Typography.Text>
      {failed ? (
        <Typography.Text type="danger">{t('signatures.exportFailed')}</Typography.Text>
      ) : null}
      <Flex gap={8} justify="end">
        {onCancel ? <Button onClick={onCancel}>{t('signatures.cancel')}</Button> : null}
        <Button onClick={() => setStrokes([])} disabled={strokes.length === 0 || saving}>
          {t('signatures.clear')}
        </Button>
        <Button type="primary" onClick={() => void done()} disabled={!inked} loading={saving}>
          {t('signatures.done')}
        </Button>
      </Flex>
    </Flex>
  );
}
