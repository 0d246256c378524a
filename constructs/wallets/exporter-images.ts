/**
 * ethpandaops/ethereum-address-metrics-exporter v1.1.0 (GitHub release; goreleaser pushes the Docker Hub image,
 * tagged without "v"). Its v1 config takes a list of execution nodes; its Helm chart still pins 0.0.6.
 */
export const EVM_EXPORTER_IMAGE = 'ethpandaops/ethereum-address-metrics-exporter:1.1.0';
/** asymmetric-research/solana-exporter v3.0.2 (GitHub release; image built by its release workflow on ghcr.io). */
export const SOLANA_EXPORTER_IMAGE = 'ghcr.io/asymmetric-research/solana-exporter:v3.0.2';
