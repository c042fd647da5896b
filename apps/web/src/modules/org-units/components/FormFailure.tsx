import { Alert } from 'antd';

export interface Failure {
  message: string;
  details: string[];
}

/** The API's message above a form, with the reasons that belong to no field of the form. */
export function FormFailure({ failure }: { failure: Failure | null }) {
  if (!failure) return null;
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      message={failure.message}
      description={
        failure.details.length > 0 ? (
          <ul className="form-failure__list">
            {failure.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
