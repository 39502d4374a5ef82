import { register, signIn, verify, wrongPassword } from './account-ops';
import {
  cabinetPage,
  exportData,
  profileEdit,
  readCabinet,
  staffBooking,
  subscribe,
} from './cabinet-ops';
import type { Crowd } from './crowd';

export type Op = { weight: number; name: string; run: (c: Crowd) => Promise<unknown> };

/** The mix, by weight. The first two also start a run off (loop.ts): register, then verify. */
export function operations(c: Crowd): Op[] {
  return [
    { weight: 2, name: 'register', run: register },
    { weight: 2, name: 'verify', run: verify },
    { weight: 2, name: 'sign-in', run: signIn },
    { weight: 1, name: 'wrong password', run: wrongPassword },
    { weight: 6, name: 'read cabinet', run: readCabinet },
    { weight: 3, name: 'cabinet page', run: cabinetPage },
    { weight: 1, name: 'export', run: exportData },
    { weight: 1, name: 'profile edit', run: profileEdit },
    { weight: 2, name: 'subscribe', run: subscribe },
    { weight: c.adminToken ? 2 : 0, name: 'staff booking', run: staffBooking },
  ];
}

/** A random operation, each as likely as its weight. */
export function chooser(ops: Op[]) {
  const totalWeight = ops.reduce((s, op) => s + op.weight, 0);
  return () => {
    let r = Math.random() * totalWeight;
    for (const op of ops) if ((r -= op.weight) < 0) return op;
    return ops[0]!;
  };
}
