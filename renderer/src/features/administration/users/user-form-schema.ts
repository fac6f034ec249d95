// What the user form accepts: the API's bodies, and the record's own rule that an inspector holds
// a law-enforcement certificate, checked before sending (the server checks the whole record too).
import { userCreateSchema, userEditSchema } from '../../../../../domain/schemas/admin';

const REQUIRED = { message: 'certificateNo.requiredForInspector', path: ['certificateNo'] };

const holdsCertificate = (v: unknown) => {
  const { role, certificateNo } = (v ?? {}) as { role?: unknown; certificateNo?: unknown };
  return role !== 'inspector' || (typeof certificateNo === 'string' && certificateNo !== '');
};

// Checked even when other fields are wrong, so that one pass names every problem.
export const userCreateFormSchema = userCreateSchema.refine(holdsCertificate, {
  ...REQUIRED,
  when: () => true,
});
export const userEditFormSchema = userEditSchema.refine(holdsCertificate, {
  ...REQUIRED,
  when: () => true,
});
