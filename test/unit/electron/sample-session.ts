// A valid remembered session, as the renderer would store it after signing in.
import type { Session } from '../../../domain/platform/contract';

export function sampleSession(): Session {
  return {
    token: 'tok_0123456789abcdef0123456789abcdef',
    deviceId: '0192f3a4-5b6c-7d8e-9f00-112233445566',
    serverUrl: 'http://127.0.0.1:8787',
    user: {
      id: '0192f3a4-5b6c-7d8e-9f00-aabbccddeeff',
      version: 3,
      updatedAt: '2026-11-29T08:00:00.000+08:00',
      deletedAt: null,
      createdBy: '0192f3a4-5b6c-7d8e-9f00-000000000001',
      username: 'inspector.li',
      displayName: '李明',
      role: 'inspector',
      agencyId: '0192f3a4-5b6c-7d8e-9f00-000000000002',
      jurisdiction: ['320000001'],
      certificateNo: 'AJ-320001',
    },
  };
}
