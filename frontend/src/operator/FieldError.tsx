export function FieldError({ id, testId, message }: { id: string; testId: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="call-field__error" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
