// Generated from ./contracts.ts by `npm run contracts:browser`: do not edit (tests/unit/browser-contracts.test.ts fails when it is stale).
// The browser's half of each operation, typed by its contract: no schema reaches the bundle (lib/http/contract.ts, BrowserOperation).
import { browserOperation } from "@/lib/http/contract";
import type * as contracts from "./contracts";

export const annotationContainerOptions = browserOperation<typeof contracts.annotationContainerOptions>("annotation container options", "OPTIONS", "/api/annotations/:slug");
export const annotationOptions = browserOperation<typeof contracts.annotationOptions>("annotation options", "OPTIONS", "/api/annotations/:slug/:annotationId");
export const createAnnotation = browserOperation<typeof contracts.createAnnotation>("create annotation", "POST", "/api/annotations/:slug");
export const deleteAnnotation = browserOperation<typeof contracts.deleteAnnotation>("delete annotation", "DELETE", "/api/annotations/:slug/:annotationId");
export const getAnnotation = browserOperation<typeof contracts.getAnnotation>("get annotation", "GET", "/api/annotations/:slug/:annotationId");
export const getAnnotationContainer = browserOperation<typeof contracts.getAnnotationContainer>("get annotation container", "GET", "/api/annotations/:slug");
export const headAnnotation = browserOperation<typeof contracts.headAnnotation>("head annotation", "HEAD", "/api/annotations/:slug/:annotationId");
export const headAnnotationContainer = browserOperation<typeof contracts.headAnnotationContainer>("head annotation container", "HEAD", "/api/annotations/:slug");
export const replaceAnnotation = browserOperation<typeof contracts.replaceAnnotation>("replace annotation", "PUT", "/api/annotations/:slug/:annotationId");
