import { downloadFile } from '../../components/downloadFile';

/** Hands the browser a file to save. */
export const downloadBlob = (name: string, blob: Blob): void => downloadFile(name, blob);
