import type { Signature } from '../../../../domain/schemas/inspection';
import { PhotoImage } from '../photos/PhotoImage';
import { useLocalBlobStore } from './useLocalBlobStore';

/** A stored signature, as drawn. */
export function SignatureImage({ signature, alt }: { signature: Signature; alt: string }) {
  const store = useLocalBlobStore();
  return (
    <PhotoImage
      store={store}
      sha256={signature.image.sha256}
      alt={alt}
      style={{ height: 56, maxWidth: 200, objectFit: 'contain' }}
    />
  );
}
