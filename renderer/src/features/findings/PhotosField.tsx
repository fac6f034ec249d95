import { Flex } from 'antd';
import type { PhotoBlobStore, PhotoRef } from '../../shared/photo-blob-store';
import { PhotoPicker } from '../photos/PhotoPicker';
import type { PhotoPickerProps } from '../photos/PhotoPicker';
import { PhotoThumbnails } from '../photos/PhotoThumbnails';

/** The most photos one hazard keeps (the domain schema's limit). */
export const MAX_PHOTOS = 20;

interface Props {
  photos: PhotoRef[];
  /** Photos arrive one by one, asynchronously: the owner appends each to its latest list. */
  onAdd: (photo: PhotoRef) => void;
  onRemove: (index: number) => void;
  store: PhotoBlobStore;
  disabled?: boolean;
  /** The photo pipeline, when not the default one (tests). */
  process?: PhotoPickerProps['process'];
}

/** A hazard's photos: add from files or the camera, view full size, remove. */
export function PhotosField(props: Props) {
  const { photos, onAdd, onRemove, store, disabled = false, process } = props;
  return (
    <Flex vertical gap={8}>
      <PhotoThumbnails
        photos={photos}
        store={store}
        {...(disabled ? {} : { onRemove: (_: PhotoRef, index: number) => onRemove(index) })}
      />
      <PhotoPicker
        store={store}
        disabled={disabled}
        remaining={MAX_PHOTOS - photos.length}
        onAdded={onAdd}
        {...(process ? { process } : {})}
      />
    </Flex>
  );
}
