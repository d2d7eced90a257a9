import { useAuth } from '../auth/useAuth';

/** Leaders read the admin lists; only admins change them (the API refuses the rest anyway). */
export function useCanEdit(): boolean {
  return useAuth().audience === 'admin';
}
