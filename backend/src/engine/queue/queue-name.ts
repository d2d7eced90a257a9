/** Every BullMQ queue of the system. Jobs carry ids, never personal data. */
export enum QueueName {
  Routing = 'routing',
  Sla = 'sla',
  Notifications = 'notifications',
  Maintenance = 'maintenance',
  Privacy = 'privacy',
  PrivacyRequests = 'privacy-requests',
}
