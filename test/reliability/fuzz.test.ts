/**
 * The short fuzz run (the long one is scripts/fuzz.ts): parsers and the whole pipeline under
 * fast-check. Seeds are fixed so a failure reproduces; fast-check prints the shrunk input.
 */
import { describe, it } from "vitest";
import { kindAgreementProperty } from "./kind-properties.js";
import { farAwayProperty, parserProperty, plainLineProperty, permutationProperty, scalingProperty, studyRobustnessProperty } from "./properties.js";

describe("fuzzing (short run)", () => {
  it("parsers: only MarketReactionError on hostile text; streaming = whole text (2,000 cases)", () => {
    parserProperty(2000, 9001);
  });
  it("price files of plain and near-plain cells: streaming (lines read in place) = whole text (1,000 cases)", () => {
    plainLineProperty(1000, 9006);
  });
  it("kinds and units: plausible columns pass, wrong kinds stop, parser and study judge alike (500 cases)", () => {
    kindAgreementProperty(500, 9007);
  });
  it("eventStudy: only MarketReactionError for random, often invalid, options (300 cases)", () => {
    studyRobustnessProperty(300, 9002);
  });
  it("permuting statements leaves the CAR rows unchanged (60 cases)", () => {
    permutationProperty(60, 9003);
  });
  it("scaling prices leaves returns and ARs unchanged (60 cases)", () => {
    scalingProperty(60, 9004);
  });
  it("a far-away statement leaves another's ARs unchanged under contamination keep (60 cases)", () => {
    farAwayProperty(60, 9005);
  });
});
