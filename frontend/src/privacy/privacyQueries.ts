import { useMutation, useQuery } from '@tanstack/react-query';
import { data, publicApi, type Schemas } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { saveFile } from '../ui/saveFile';
import { attachmentName, personalDataFileName } from './privacyFiles';

/** A short-lived token that opens the subject's data; held in the page's memory only, never stored or put in an address. */
export type PrivacyAccess = Schemas['PrivacyAccessGrant'];
/** Everything 1022 holds about the subject (GET /privacy/my-data). */
export type MyData = Schemas['PersonalDataExport'];
export type ErasureReceipt = Schemas['PrivacyErasureAccepted'];

const accessHeader = (token: string) => ({ 'x-privacy-access': token });

/** Asks for a one-time code by e-mail; the answer is the same whether or not the address is on record. */
export function useSendCode() {
  return useMutation({
    mutationFn: (email: string) => data(publicApi.POST('/api/v1/privacy/verification-codes', { body: { email } })),
  });
}

/** Opens the subject's data with a report's private link (code + secret) or an e-mailed code. */
export function useOpenAccess() {
  return useMutation({
    mutationFn: (body: Schemas['PrivacyAccessRequest']) => data(publicApi.POST('/api/v1/privacy/access', { body })),
  });
}

/**
 * What is held about the subject. Dropped from the cache as soon as the page no longer shows it
 * (gcTime 0): the personal data stays in memory only while it is on screen.
 */
export function useMyData(token: string) {
  return useQuery({
    queryKey: queryKeys.myData(token),
    queryFn: ({ signal }) => data(publicApi.GET('/api/v1/privacy/my-data', { params: { header: accessHeader(token) }, signal })),
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** Fetches the subject's data as a file (JSON, or the readable HTML page) and saves it. */
export function useDownloadMyData(token: string) {
  return useMutation({
    mutationFn: async (format: 'json' | 'html') => {
      const { data: blob, response } = await publicApi.GET('/api/v1/privacy/my-data', {
        params: { header: accessHeader(token), query: { format } },
        parseAs: 'blob',
      });
      const fallback = personalDataFileName(format, new Date().toISOString());
      saveFile(blob as Blob, attachmentName(response.headers.get('Content-Disposition'), fallback));
    },
  });
}

export function useAskErasure(token: string) {
  return useMutation({
    mutationFn: () =>
      data(publicApi.POST('/api/v1/privacy/erasure-requests', { params: { header: accessHeader(token) }, body: { confirm: true } })),
  });
}
