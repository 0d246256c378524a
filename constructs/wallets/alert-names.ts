/** The wallet pack's alerts; each has docs/runbooks/<name>.md. */
export const WALLET_ALERTS = {
  belowWarningFloor: 'WalletBalanceBelowWarningFloor',
  belowCriticalFloor: 'WalletBalanceBelowCriticalFloor',
  runwayBelowTicket: 'WalletRunwayBelowTicketObjective',
  runwayBelowPage: 'WalletRunwayBelowPageObjective',
  balanceAbsent: 'WalletBalanceAbsent',
  exporterDown: 'WalletExporterDown',
  exporterRpcErrors: 'WalletExporterRpcErrors',
} as const;
