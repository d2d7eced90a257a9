// The dashboard names the category type from here until it imports it from api/intakeQueries: it is the generated one.
export type { Category } from '../api/intakeQueries';
