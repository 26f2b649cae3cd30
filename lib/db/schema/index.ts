export * from "./auth";
export * from "./workspaces";
export * from "./scenes";
export * from "./products";
export * from "./renders";
