import { useMutation } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type ImportPreview = ResponseBody<'/api/businesses/{businessId}/contacts/import/preview', 'post'>;

export function usePreviewContactsImport(businessId: string) {
  return useMutation({
    mutationFn: (csv: string) =>
      request(api.POST('/api/businesses/{businessId}/contacts/import/preview', { params: { path: { businessId } }, body: { csv } })),
  });
}
