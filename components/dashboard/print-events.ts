// The print button's signal, in its own module so pages that print do not load the KPI panels.
/** Dispatched on window by the print button: every KPI panel loads its cards before the print dialog opens. */
export const PREPARE_PRINT_EVENT = "cairn:prepare-print";
