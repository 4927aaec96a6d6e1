/**
 * The `eventStudy` orchestrator and its `Study` result.
 * @module
 */
export { eventStudy, eventRow, estimationDaysOf, estimationOffsetsOf } from "./eventStudy.js";
export type { PairResult } from "./eventStudy.js";
export { Study } from "./study.js";
export { mergeStudies, parseStudyPart, shardHead, studyPartToJSONText, studyShard } from "./shards/index.js";
export type { ShardHead, ShardSpec, StudyPart } from "./shards/index.js";
export type {
  AbnormalRow,
  CarRow,
  EventMetadata,
  EventRow,
  ModelRow,
  SkippedRow,
  StudyData,
  StudyRegressionCarRow,
  StudyRegressionRow,
  StudyTable,
  StudyWaldRow,
} from "./study.js";
export { parseModelOption } from "./options.js";
export type { EventStudyOptions, ModelOption, StudyCrossEventOptions, StudyPlaceboOptions, StudyProgress, StudyRegressionOptions } from "./options.js";
export { closeGapHours, synchronicityDiagnostics } from "./synchronicity.js";
export type { NonSynchronousPolicy, SynchronicityDiagnostics } from "./synchronicity.js";
export { listingStart } from "./listing.js";
export type { ListingStart } from "./listing.js";
export { mergeSameDay0, clusteringOf, CLUSTER_ROBUST_TESTS } from "./clustering.js";
export type { SameDay0Policy, ClusteringInfo, DatedCrossEvent } from "./clustering.js";
export { refineByMarketSession, marketSessionOf } from "./marketSession.js";
