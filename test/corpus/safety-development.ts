/**
 * The development safety corpora as one list each, in one order: what the detector's concepts and
 * learned net were built on. The model's training (scripts/lib/safety-training.ts, which adds the
 * inflection tables) and the generalisation test read the same lines from here.
 */
import { acute, benign } from "./safety";
import { ordinaryA } from "./safety-ordinary-a";
import { ordinaryB } from "./safety-ordinary-b";
import { ordinaryC } from "./safety-ordinary-c";
import { ordinaryD } from "./safety-ordinary-d";
import { ordinaryE } from "./safety-ordinary-e";
import { devAcute, devBenign } from "./safety-dev";
import { dev2Acute, dev2Benign } from "./safety-dev2";
import { dev3Acute, dev3Benign } from "./safety-dev3";
import { dev4Acute, dev4Benign } from "./safety-dev4";
import { dev5Acute, dev5Benign } from "./safety-dev5";
import { leadAcute, leadBenign } from "./safety-dev-lead";
import { dev6Acute, dev6Benign } from "./safety-dev6";
import { dev7Acute, dev7Benign } from "./safety-dev7";
import { dev8Acute, dev8Benign } from "./safety-dev8";
import { dev9Acute, dev9Benign } from "./safety-dev9";
import { dev10Acute, dev10Benign } from "./safety-dev10";
import { dev11Acute, dev11Benign } from "./safety-dev11";
import { dev12Acute, dev12Benign } from "./safety-dev12";
import { dev13Acute, dev13Benign } from "./safety-dev13";
import { trainAAcute, trainABenign } from "./safety-train-a";
import { trainBAcute, trainBBenign } from "./safety-train-b";
import { trainCAcute, trainCBenign } from "./safety-train-c";
import { trainDAcute, trainDBenign } from "./safety-train-d";
import { trainEAcute, trainEBenign } from "./safety-train-e";
import { trainFAcute, trainFBenign } from "./safety-train-f";
import { trainGAcute, trainGBenign } from "./safety-train-g";
import { trainHAcute, trainHBenign } from "./safety-train-h";
import { trainIAcute, trainIBenign } from "./safety-train-i";
import { trainJAcute, trainJBenign } from "./safety-train-j";
import { trainKAcute, trainKBenign } from "./safety-train-k";
import { trainLAcute, trainLBenign } from "./safety-train-l";
import { trainMAcute, trainMBenign } from "./safety-train-m";
import { trainNAcute, trainNBenign } from "./safety-train-n";
import { trainOAcute, trainOBenign } from "./safety-train-o";
import { trainPAcute, trainPBenign } from "./safety-train-p";
import { trainQAcute, trainQBenign } from "./safety-train-q";
import { trainRAcute, trainRBenign } from "./safety-train-r";
import { trainSAcute, trainSBenign } from "./safety-train-s";
import { trainTAcute, trainTBenign } from "./safety-train-t";
import { trainUAcute, trainUBenign } from "./safety-train-u";
import { trainVAcute, trainVBenign } from "./safety-train-v";
import { trainWAcute, trainWBenign } from "./safety-train-w";
import { trainXAcute, trainXBenign } from "./safety-train-x";
import { trainYAcute, trainYBenign } from "./safety-train-y";
import { trainZAcute, trainZBenign } from "./safety-train-z";
import { trainAAAcute, trainAABenign } from "./safety-train-aa";
import { trainABAcute, trainABBenign } from "./safety-train-ab";
import { trainACAcute, trainACBenign } from "./safety-train-ac";
import { trainADAcute, trainADBenign } from "./safety-train-ad";
import { trainAEAcute, trainAEBenign } from "./safety-train-ae";
import { trainAFAcute, trainAFBenign } from "./safety-train-af";
import { trainAGAcute, trainAGBenign } from "./safety-train-ag";
import { trainAHAcute, trainAHBenign } from "./safety-train-ah";
import { trainAIAcute, trainAIBenign } from "./safety-train-ai";
import { trainAJAcute, trainAJBenign } from "./safety-train-aj";
import { trainAKAcute, trainAKBenign } from "./safety-train-ak";
import { trainALAcute, trainALBenign } from "./safety-train-al";
import { trainAMAcute, trainAMBenign } from "./safety-train-am";
import { trainANAcute, trainANBenign } from "./safety-train-an";
import { trainAOAcute, trainAOBenign } from "./safety-train-ao";

const texts = (lines: readonly { text: string }[]): string[] => lines.map((line) => line.text);

/** Every acute line of the development corpora. */
export const developmentAcute: readonly string[] = [
  ...acute,
  ...[devAcute, dev2Acute, dev3Acute, dev4Acute, dev5Acute, leadAcute].flatMap(texts),
  ...[dev6Acute, dev7Acute, dev8Acute, dev9Acute, dev10Acute, dev11Acute, dev12Acute, dev13Acute].flat(),
  ...[trainAAcute, trainCAcute, trainBAcute, trainDAcute, trainEAcute, trainFAcute].flat(),
  ...[trainGAcute, trainHAcute, trainIAcute, trainJAcute, trainKAcute, trainLAcute].flat(),
  ...[trainMAcute, trainNAcute, trainOAcute, trainPAcute, trainQAcute, trainRAcute, trainSAcute, trainTAcute].flat(),
  ...[trainUAcute, trainVAcute, trainWAcute, trainXAcute, trainYAcute, trainZAcute, trainAAAcute].flat(),
  ...[trainABAcute, trainACAcute, trainADAcute, trainAEAcute, trainAFAcute, trainAGAcute].flat(),
  ...[trainAHAcute, trainAIAcute, trainAJAcute, trainAKAcute, trainALAcute, trainAMAcute].flat(),
  ...[trainANAcute, trainAOAcute].flat(),
];

/** Every benign line of the development corpora: words shared with crises, not one. */
export const developmentBenign: readonly string[] = [
  ...benign,
  ...[devBenign, dev2Benign, dev3Benign, dev4Benign, dev5Benign, leadBenign].flatMap(texts),
  ...[dev6Benign, dev7Benign, dev8Benign, dev9Benign, dev10Benign, dev11Benign, dev12Benign, dev13Benign].flat(),
  ...[trainABenign, trainCBenign, trainBBenign, trainDBenign, trainEBenign, trainFBenign].flat(),
  ...[trainGBenign, trainHBenign, trainIBenign, trainJBenign, trainKBenign, trainLBenign].flat(),
  ...[trainMBenign, trainNBenign, trainOBenign, trainPBenign, trainQBenign, trainRBenign, trainSBenign, trainTBenign].flat(),
  ...[trainUBenign, trainVBenign, trainWBenign, trainXBenign, trainYBenign, trainZBenign, trainAABenign].flat(),
  ...[trainABBenign, trainACBenign, trainADBenign, trainAEBenign, trainAFBenign, trainAGBenign].flat(),
  ...[trainAHBenign, trainAIBenign, trainAJBenign, trainAKBenign, trainALBenign, trainAMBenign].flat(),
  ...[trainANBenign, trainAOBenign].flat(),
];

/**
 * Ordinary answers to the bot's questions, no crisis in any of them, about a third using everyday
 * words that crises share (準備, 最後, 片付け, 辞めたい …): what the learned net reads most, kept
 * apart from the benign lines above, which are chosen to be hard.
 */
export const developmentOrdinary: readonly string[] = [...ordinaryA, ...ordinaryB, ...ordinaryC, ...ordinaryD, ...ordinaryE];
