/** Order, colours and class index of statuses: one definition, shared with the server's PDF and images. */
export {
  countStatuses,
  STATUS_COLORS,
  STATUS_ORDER,
  statusClass,
} from '@pcmt/domain/status-classes';
