// The part of pouchdb-browser's API that the anchor page uses (the package ships no types).
declare module 'pouchdb-browser' {
  export interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
  }

  export default class PouchDB {
    constructor(name: string);
    bulkDocs(docs: readonly object[]): Promise<unknown[]>;
    info(): Promise<{ doc_count: number }>;
    close(): Promise<void>;
    destroy(): Promise<void>;
    replicate: {
      to(target: string): Promise<ReplicationResult>;
      from(source: string): Promise<ReplicationResult>;
    };
  }
}
