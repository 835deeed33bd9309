export * from "./spec";
export * from "./cells";
export * from "./csv";
export * from "./organisation";
export * from "./evaluation";
export * from "./pegawai";
export * from "./planning";
export * from "./performance";
