/** An error shown beside its field; the field points at it with aria-describedby. */
export function FieldMessage({ id, testId, message }: { id: string; testId: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="field__error" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
