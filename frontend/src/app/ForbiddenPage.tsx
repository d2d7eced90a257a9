import { MessagePage } from './MessagePage';

export function ForbiddenPage() {
  return <MessagePage textKey="forbidden" testId="forbidden-page" />;
}
