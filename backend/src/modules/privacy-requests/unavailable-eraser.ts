import { PrivacyRequestsException } from './privacy-requests.exception';
import type { ErasureOutcome, SubjectEraser } from './subject-erasure';

/**
 * Where no erasure is wired in, an erasure cannot run: the request stays open (received or in
 * progress), its deadline keeps counting on the staff list, and the worker's sweep retakes it.
 */
export class UnavailableEraser implements SubjectEraser {
  eraseSubject(): Promise<ErasureOutcome> {
    return Promise.reject(PrivacyRequestsException.erasureUnavailable());
  }
}
