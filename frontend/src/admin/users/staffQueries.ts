import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, data, type Schemas } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { useSessionQuery } from '../../auth/useSessionQuery';

export type StaffAccount = Schemas['StaffAccount'];
export type NewStaffAccount = Schemas['NewStaffAccount'];
export type ImportResult = Schemas['StaffImportResult'];
export type StaffAction = 'disable' | 'enable' | 'reset-password' | 'reset-second-factor';
type StaffActionAnswer = StaffAccount | Schemas['TemporaryPassword'];

export function useStaffPage(query: { q: string; offset: number; limit: number }) {
  const params = { query: { limit: query.limit, offset: query.offset, q: query.q.trim() || undefined } };
  return useSessionQuery(queryKeys.staffPage(query), (signal) => data(api.GET('/api/v1/admin/users', { params, signal })), { keep: true });
}

/** A change to the accounts; the list is loaded again once it is made. */
function useStaffMutation<A, R>(mutationFn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.staff() }) });
}

export function useCreateStaff() {
  return useStaffMutation((body: Schemas['CreateStaffRequest']) => data(api.POST('/api/v1/admin/users', { body })));
}

export function useUpdateStaff() {
  return useStaffMutation(({ id, body }: { id: string; body: Schemas['UpdateStaffRequest'] }) =>
    data(api.PATCH('/api/v1/admin/users/{id}', { params: { path: { id } }, body })),
  );
}

export function useStaffAction() {
  return useStaffMutation(({ id, action }: { id: string; action: StaffAction }): Promise<StaffActionAnswer> => {
    const path = { params: { path: { id } } };
    switch (action) {
      case 'disable':
        return data(api.POST('/api/v1/admin/users/{id}/disable', path));
      case 'enable':
        return data(api.POST('/api/v1/admin/users/{id}/enable', path));
      case 'reset-password':
        return data(api.POST('/api/v1/admin/users/{id}/reset-password', path));
      case 'reset-second-factor':
        return data(api.POST('/api/v1/admin/users/{id}/reset-second-factor', path));
    }
  });
}

export function useImportStaff() {
  return useStaffMutation((body: { csv: string; dryRun: boolean }) => data(api.POST('/api/v1/admin/users/import', { body })));
}
