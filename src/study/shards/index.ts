/**
 * Studies in shards: `studyShard` computes one shard of a study (by assets or by statements),
 * `mergeStudies` makes the single run's study from all the parts.
 * @module
 */
export { studyShard, checkShard } from "./shard.js";
export { shardHead } from "./head.js";
export { mergeStudies, parseStudyPart, studyPartToJSONText } from "./merge.js";
export type { ShardHead, ShardSpec, StudyPart } from "./part.js";
