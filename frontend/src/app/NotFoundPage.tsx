import { MessagePage } from './MessagePage';

export function NotFoundPage() {
  return <MessagePage textKey="notFound" testId="not-found-page" />;
}
