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
import { trainAPAcute, trainAPBenign } from "./safety-train-ap";
import { trainAQAcute, trainAQBenign } from "./safety-train-aq";
import { trainARAcute, trainARBenign } from "./safety-train-ar";
import { trainASAcute, trainASBenign } from "./safety-train-as";
import { trainATAcute, trainATBenign } from "./safety-train-at";
import { trainAUAcute, trainAUBenign } from "./safety-train-au";
import { trainAVAcute, trainAVBenign } from "./safety-train-av";
import { trainAWAcute, trainAWBenign } from "./safety-train-aw";
import { trainAXAcute, trainAXBenign } from "./safety-train-ax";
import { trainAYAcute, trainAYBenign } from "./safety-train-ay";
import { trainAZAcute, trainAZBenign } from "./safety-train-az";
import { trainBAAcute, trainBABenign } from "./safety-train-ba";
import { trainBBAcute, trainBBBenign } from "./safety-train-bb";
import { trainBCAcute, trainBCBenign } from "./safety-train-bc";
import { trainBEAcute, trainBEBenign } from "./safety-train-be";
import { trainBFAcute, trainBFBenign } from "./safety-train-bf";
import { trainBGAcute, trainBGBenign } from "./safety-train-bg";
import { trainBDAcute, trainBDBenign } from "./safety-train-bd";
import { trainBHAcute, trainBHBenign } from "./safety-train-bh";
import { trainBIAcute, trainBIBenign } from "./safety-train-bi";
import { trainBJAcute, trainBJBenign } from "./safety-train-bj";
import { trainBKAcute, trainBKBenign } from "./safety-train-bk";
import { trainBLAcute, trainBLBenign } from "./safety-train-bl";
import { trainBMAcute, trainBMBenign } from "./safety-train-bm";
import { trainBNAcute, trainBNBenign } from "./safety-train-bn";
import { trainBOAcute, trainBOBenign } from "./safety-train-bo";
import { trainBPAcute, trainBPBenign } from "./safety-train-bp";
import { trainBQAcute, trainBQBenign } from "./safety-train-bq";
import { trainBRAcute, trainBRBenign } from "./safety-train-br";
import { trainBSAcute, trainBSBenign } from "./safety-train-bs";
import { trainBTAcute, trainBTBenign } from "./safety-train-bt";
import { trainBUAcute, trainBUBenign } from "./safety-train-bu";
import { trainBVAcute, trainBVBenign } from "./safety-train-bv";
import { trainBXAcute, trainBXBenign } from "./safety-train-bx";
import { trainBYAcute, trainBYBenign } from "./safety-train-by";
import { trainBWAcute, trainBWBenign } from "./safety-train-bw";
import { trainBZAcute, trainBZBenign } from "./safety-train-bz";
import { trainCAAcute, trainCABenign } from "./safety-train-ca";
import { trainCBAcute, trainCBBenign } from "./safety-train-cb";
import { trainCCAcute, trainCCBenign } from "./safety-train-cc";
import { trainCDAcute, trainCDBenign } from "./safety-train-cd";
import { trainCEAcute, trainCEBenign } from "./safety-train-ce";
import { trainCFAcute, trainCFBenign } from "./safety-train-cf";
import { trainCGAcute, trainCGBenign } from "./safety-train-cg";
import { trainCHAcute, trainCHBenign } from "./safety-train-ch";
import { trainCIAcute, trainCIBenign } from "./safety-train-ci";
import { trainCJAcute, trainCJBenign } from "./safety-train-cj";
import { trainCKAcute, trainCKBenign } from "./safety-train-ck";
import { trainCLAcute, trainCLBenign } from "./safety-train-cl";
import { trainCMAcute, trainCMBenign } from "./safety-train-cm";
import { trainCNAcute, trainCNBenign } from "./safety-train-cn";
import { trainCOAcute, trainCOBenign } from "./safety-train-co";
import { trainCPAcute, trainCPBenign } from "./safety-train-cp";
import { trainCQAcute, trainCQBenign } from "./safety-train-cq";
import { trainCRAcute, trainCRBenign } from "./safety-train-cr";
import { trainCSAcute, trainCSBenign } from "./safety-train-cs";
import { trainCTAcute, trainCTBenign } from "./safety-train-ct";
import { trainCUAcute, trainCUBenign } from "./safety-train-cu";
import { trainCWAcute, trainCWBenign } from "./safety-train-cw";
import { trainCVAcute, trainCVBenign } from "./safety-train-cv";
import { trainCXAcute, trainCXBenign } from "./safety-train-cx";
import { trainCYAcute, trainCYBenign } from "./safety-train-cy";
import { trainCZAcute, trainCZBenign } from "./safety-train-cz";
import { trainDAAcute, trainDABenign } from "./safety-train-da";
import { trainDBAcute, trainDBBenign } from "./safety-train-db";
import { trainDCAcute, trainDCBenign } from "./safety-train-dc";
import { trainDDAcute, trainDDBenign } from "./safety-train-dd";
import { trainDEAcute, trainDEBenign } from "./safety-train-de";

const texts = (lines: readonly { text: string }[]): string[] => lines.map((line) => line.text);

/**
 * The development corpora one writer at a time (a writer's acute and benign lines together), in
 * one order: cross-validation keeps each writer's lines in one fold, so that its threshold is
 * chosen on phrasings by writers the model never read, as a fresh message is.
 */
export const developmentWriters: readonly { readonly acute: readonly string[]; readonly benign: readonly string[] }[] = [
  { acute: acute, benign: benign },
  { acute: texts(devAcute), benign: texts(devBenign) },
  { acute: texts(dev2Acute), benign: texts(dev2Benign) },
  { acute: texts(dev3Acute), benign: texts(dev3Benign) },
  { acute: texts(dev4Acute), benign: texts(dev4Benign) },
  { acute: texts(dev5Acute), benign: texts(dev5Benign) },
  { acute: texts(leadAcute), benign: texts(leadBenign) },
  { acute: dev6Acute, benign: dev6Benign },
  { acute: dev7Acute, benign: dev7Benign },
  { acute: dev8Acute, benign: dev8Benign },
  { acute: dev9Acute, benign: dev9Benign },
  { acute: dev10Acute, benign: dev10Benign },
  { acute: dev11Acute, benign: dev11Benign },
  { acute: dev12Acute, benign: dev12Benign },
  { acute: dev13Acute, benign: dev13Benign },
  { acute: trainAAcute, benign: trainABenign },
  { acute: trainCAcute, benign: trainCBenign },
  { acute: trainBAcute, benign: trainBBenign },
  { acute: trainDAcute, benign: trainDBenign },
  { acute: trainEAcute, benign: trainEBenign },
  { acute: trainFAcute, benign: trainFBenign },
  { acute: trainGAcute, benign: trainGBenign },
  { acute: trainHAcute, benign: trainHBenign },
  { acute: trainIAcute, benign: trainIBenign },
  { acute: trainJAcute, benign: trainJBenign },
  { acute: trainKAcute, benign: trainKBenign },
  { acute: trainLAcute, benign: trainLBenign },
  { acute: trainMAcute, benign: trainMBenign },
  { acute: trainNAcute, benign: trainNBenign },
  { acute: trainOAcute, benign: trainOBenign },
  { acute: trainPAcute, benign: trainPBenign },
  { acute: trainQAcute, benign: trainQBenign },
  { acute: trainRAcute, benign: trainRBenign },
  { acute: trainSAcute, benign: trainSBenign },
  { acute: trainTAcute, benign: trainTBenign },
  { acute: trainUAcute, benign: trainUBenign },
  { acute: trainVAcute, benign: trainVBenign },
  { acute: trainWAcute, benign: trainWBenign },
  { acute: trainXAcute, benign: trainXBenign },
  { acute: trainYAcute, benign: trainYBenign },
  { acute: trainZAcute, benign: trainZBenign },
  { acute: trainAAAcute, benign: trainAABenign },
  { acute: trainABAcute, benign: trainABBenign },
  { acute: trainACAcute, benign: trainACBenign },
  { acute: trainADAcute, benign: trainADBenign },
  { acute: trainAEAcute, benign: trainAEBenign },
  { acute: trainAFAcute, benign: trainAFBenign },
  { acute: trainAGAcute, benign: trainAGBenign },
  { acute: trainAHAcute, benign: trainAHBenign },
  { acute: trainAIAcute, benign: trainAIBenign },
  { acute: trainAJAcute, benign: trainAJBenign },
  { acute: trainAKAcute, benign: trainAKBenign },
  { acute: trainALAcute, benign: trainALBenign },
  { acute: trainAMAcute, benign: trainAMBenign },
  { acute: trainANAcute, benign: trainANBenign },
  { acute: trainAOAcute, benign: trainAOBenign },
  { acute: trainAPAcute, benign: trainAPBenign },
  { acute: trainAQAcute, benign: trainAQBenign },
  { acute: trainARAcute, benign: trainARBenign },
  { acute: trainASAcute, benign: trainASBenign },
  { acute: trainATAcute, benign: trainATBenign },
  { acute: trainAUAcute, benign: trainAUBenign },
  { acute: trainAVAcute, benign: trainAVBenign },
  { acute: trainAWAcute, benign: trainAWBenign },
  { acute: trainAXAcute, benign: trainAXBenign },
  { acute: trainAYAcute, benign: trainAYBenign },
  { acute: trainAZAcute, benign: trainAZBenign },
  { acute: trainBAAcute, benign: trainBABenign },
  { acute: trainBBAcute, benign: trainBBBenign },
  { acute: trainBCAcute, benign: trainBCBenign },
  { acute: trainBEAcute, benign: trainBEBenign },
  { acute: trainBFAcute, benign: trainBFBenign },
  { acute: trainBGAcute, benign: trainBGBenign },
  { acute: trainBDAcute, benign: trainBDBenign },
  { acute: trainBHAcute, benign: trainBHBenign },
  { acute: trainBIAcute, benign: trainBIBenign },
  { acute: trainBJAcute, benign: trainBJBenign },
  { acute: trainBKAcute, benign: trainBKBenign },
  { acute: trainBLAcute, benign: trainBLBenign },
  { acute: trainBMAcute, benign: trainBMBenign },
  { acute: trainBNAcute, benign: trainBNBenign },
  { acute: trainBOAcute, benign: trainBOBenign },
  { acute: trainBPAcute, benign: trainBPBenign },
  { acute: trainBQAcute, benign: trainBQBenign },
  { acute: trainBRAcute, benign: trainBRBenign },
  { acute: trainBSAcute, benign: trainBSBenign },
  { acute: trainBTAcute, benign: trainBTBenign },
  { acute: trainBUAcute, benign: trainBUBenign },
  { acute: trainBVAcute, benign: trainBVBenign },
  { acute: trainBXAcute, benign: trainBXBenign },
  { acute: trainBYAcute, benign: trainBYBenign },
  { acute: trainBWAcute, benign: trainBWBenign },
  { acute: trainBZAcute, benign: trainBZBenign },
  { acute: trainCAAcute, benign: trainCABenign },
  { acute: trainCBAcute, benign: trainCBBenign },
  { acute: trainCCAcute, benign: trainCCBenign },
  { acute: trainCDAcute, benign: trainCDBenign },
  { acute: trainCEAcute, benign: trainCEBenign },
  { acute: trainCFAcute, benign: trainCFBenign },
  { acute: trainCGAcute, benign: trainCGBenign },
  { acute: trainCHAcute, benign: trainCHBenign },
  { acute: trainCIAcute, benign: trainCIBenign },
  { acute: trainCJAcute, benign: trainCJBenign },
  { acute: trainCKAcute, benign: trainCKBenign },
  { acute: trainCLAcute, benign: trainCLBenign },
  { acute: trainCMAcute, benign: trainCMBenign },
  { acute: trainCNAcute, benign: trainCNBenign },
  { acute: trainCOAcute, benign: trainCOBenign },
  { acute: trainCPAcute, benign: trainCPBenign },
  { acute: trainCQAcute, benign: trainCQBenign },
  { acute: trainCRAcute, benign: trainCRBenign },
  { acute: trainCSAcute, benign: trainCSBenign },
  { acute: trainCTAcute, benign: trainCTBenign },
  { acute: trainCUAcute, benign: trainCUBenign },
  { acute: trainCWAcute, benign: trainCWBenign },
  { acute: trainCVAcute, benign: trainCVBenign },
  { acute: trainCXAcute, benign: trainCXBenign },
  { acute: trainCYAcute, benign: trainCYBenign },
  { acute: trainCZAcute, benign: trainCZBenign },
  { acute: trainDAAcute, benign: trainDABenign },
  { acute: trainDBAcute, benign: trainDBBenign },
  { acute: trainDCAcute, benign: trainDCBenign },
  { acute: trainDDAcute, benign: trainDDBenign },
  { acute: trainDEAcute, benign: trainDEBenign },
];

/** Every acute line of the development corpora. */
export const developmentAcute: readonly string[] = developmentWriters.flatMap((writer) => writer.acute);

/** Every benign line of the development corpora: words shared with crises, not one. */
export const developmentBenign: readonly string[] = developmentWriters.flatMap((writer) => writer.benign);

/**
 * Ordinary answers to the bot's questions, no crisis in any of them, about a third using everyday
 * words that crises share (準備, 最後, 片付け, 辞めたい …): what the learned net reads most, kept
 * apart from the benign lines above, which are chosen to be hard.
 */
export const developmentOrdinary: readonly string[] = [...ordinaryA, ...ordinaryB, ...ordinaryC, ...ordinaryD, ...ordinaryE];
