// The only module that imports `cdktf`. Moving to CDK Terrain (cdktn) is a rename here.
// First, before anything loads cdktf: it defers cdktf's file-asset modules (see cdktf-savings.ts).
import './cdktf-savings';
export {
  Annotations,
  App,
  Aspects,
  Fn,
  Lazy,
  LocalBackend,
  S3Backend,
  TerraformIterator,
  TerraformOutput,
  TerraformResource,
  TerraformStack,
  Testing,
  Token,
} from 'cdktf';
export type { IAspect, ITerraformDependable, S3BackendConfig, TerraformMetaArguments } from 'cdktf';
