import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, data, type Schemas } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { useSessionQuery } from '../../auth/useSessionQuery';
import { saveFile } from '../../ui/saveFile';
import { attachmentName } from '../../privacy/privacyFiles';

export type PrivacyRequest = Schemas['PrivacyRequest'];
export type PrivacyRequestStatus = PrivacyRequest['status'];
export type NewPrivacyRequest = Schemas['NewPrivacyRequest'];

export const REQUEST_STATUSES: readonly PrivacyRequestStatus[] = ['received', 'in_progress', 'completed', 'rejected'];

/** The newest requests, optionally of one status: all of them for an admin, those they recorded for an operator (the API decides). */
export function usePrivacyRequests(status: PrivacyRequestStatus | null) {
  return useSessionQuery(
    queryKeys.privacyRequestList(status),
    (signal) => data(api.GET('/api/v1/admin/privacy-requests', { params: { query: status ? { status } : {} }, signal })),
    { keep: true },
  );
}

/** A change to the requests; the list is loaded again once it is made. */
function useRequestMutation<A, R>(mutationFn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.privacyRequests() }) });
}

export function useCreatePrivacyRequest() {
  return useRequestMutation((body: NewPrivacyRequest) => data(api.POST('/api/v1/admin/privacy-requests', { body })));
}

export function useCompletePrivacyRequest() {
  return useRequestMutation((id: string) => data(api.POST('/api/v1/admin/privacy-requests/{id}/complete', { params: { path: { id } } })));
}

export function useRejectPrivacyRequest() {
  return useRequestMutation(({ id, reason }: { id: string; reason: string }) =>
    data(api.POST('/api/v1/admin/privacy-requests/{id}/reject', { params: { path: { id } }, body: { reason } })),
  );
}

/** The requester's data as the file the API gives, saved from memory (the bearer token is never in an address). */
export function useExportPrivacyRequest() {
  return useMutation({
    mutationFn: async (id: string) => {
      const { data: blob, response } = await api.GET('/api/v1/admin/privacy-requests/{id}/export', {
        params: { path: { id } },
        parseAs: 'blob',
      });
      saveFile(blob as Blob, attachmentName(response.headers.get('Content-Disposition'), `1022-privacy-request-${id}.json`));
    },
  });
}
