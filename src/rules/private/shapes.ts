/**
 * Values whose shape CloudFormation documents.
 *
 * An unresolved value is not always unknown: some resource attributes have a shape the
 * CloudFormation return-value documentation fixes, whatever the resource's name or region. The value
 * model reads `Fn::GetAtt` of these attributes (and `${Resource.Attribute}` in `Fn::Sub`, which is
 * the same thing; CDK tokens such as `bucket.bucketWebsiteUrl` synthesize to exactly these) as a
 * `Shaped` part: its scheme when it has one, and a host that is a DNS name of the service, never a
 * loopback host, with no user info, port, path or fragment. Everything else about the value stays
 * unknown, and every other attribute stays unknown altogether.
 *
 * The resource's type must be visible (a template, or the stack the construct renders): an attribute
 * name alone proves nothing, since a custom resource may return any attribute.
 */

/** A documented attribute: its resource type and name, and the shape of its value. */
export interface AttributeShape {
  readonly type: string;
  readonly attribute: string;
  /** The scheme the value starts with (`http`, `https`), or undefined for a host name without a scheme. */
  readonly scheme?: 'http' | 'https';
  /** The path the value ends with after the host, e.g. `/` (Lambda function URLs), or undefined for none. */
  readonly path?: string;
  /** The documented form, for messages and the documentation. */
  readonly form: string;
  /** A property of the resource the shape depends on, with the value it must have (literally). */
  readonly when?: { readonly property: string; readonly value: string };
  /**
   * Every host the value can have, in every partition the shape is documented for, as globs whose
   * `*` is any run of host characters (`*.cloudfront.net`); undefined when the engine is not sure of
   * them, and the host stays open. An allowlist no entry of which any of these can match fails the
   * value (see shape-match.ts).
   */
  readonly hosts?: ReadonlyArray<string>;
}

/**
 * The DNS suffix of every AWS partition (aws, aws-us-gov: amazonaws.com; aws-cn: amazonaws.com.cn;
 * aws-eusc: amazonaws.eu; aws-iso, -b, -e, -f), from the SDKs' partitions.json (`dnsSuffix`); China:
 * "The endpoint domain for both the Beijing and Ningxia Regions is amazonaws.com.cn"
 * (https://docs.amazonaws.cn/en_us/general/latest/gr/endpoints-Beijing.html). A regional service host
 * ends in one of these.
 */
const REGIONAL_HOSTS: ReadonlyArray<string> = ['amazonaws.com', 'amazonaws.com.cn', 'amazonaws.eu', 'c2s.ic.gov', 'sc2s.sgov.gov', 'cloud.adc-e.uk', 'csp.hci.ic.gov']
  .map((suffix) => `*.${suffix}`);
/**
 * A distribution's domain name: "d111111abcdef8.cloudfront.net"
 * (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Distribution.html); in China
 * "the default CloudFront domain, *.cloudfront.cn" (https://docs.amazonaws.cn/en_us/aws/latest/userguide/cloudfront.html).
 */
const CLOUDFRONT_HOSTS: ReadonlyArray<string> = ['*.cloudfront.net', '*.cloudfront.cn'];
/** "https://<url-id>.lambda-url.<region>.on.aws" (https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html; the same on docs.amazonaws.cn). */
const LAMBDA_URL_HOSTS: ReadonlyArray<string> = ['*.lambda-url.*.on.aws'];

/** The table (docs: the catalog's "Values whose shape CloudFormation documents"; the resource pages' "Return values"). */
export const ATTRIBUTE_SHAPES: ReadonlyArray<AttributeShape> = [
  { type: 'AWS::S3::Bucket', attribute: 'WebsiteURL', scheme: 'http', form: 'http://<bucket>.s3-website[-.]<region>.amazonaws.com', hosts: REGIONAL_HOSTS },
  { type: 'AWS::S3::Bucket', attribute: 'DomainName', form: '<bucket>.s3.amazonaws.com', hosts: REGIONAL_HOSTS },
  { type: 'AWS::S3::Bucket', attribute: 'RegionalDomainName', form: '<bucket>.s3.<region>.amazonaws.com', hosts: REGIONAL_HOSTS },
  { type: 'AWS::S3::Bucket', attribute: 'DualStackDomainName', form: '<bucket>.s3.dualstack.<region>.amazonaws.com', hosts: REGIONAL_HOSTS },
  { type: 'AWS::CloudFront::Distribution', attribute: 'DomainName', form: '<id>.cloudfront.net', hosts: CLOUDFRONT_HOSTS },
  // An NLB's name is <name>-<id>.elb.<region>.amazonaws.com: only the partition's suffix is common to both.
  { type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', attribute: 'DNSName', form: '<name>-<id>.<region>.elb.amazonaws.com', hosts: REGIONAL_HOSTS },
  { type: 'AWS::ElasticLoadBalancing::LoadBalancer', attribute: 'DNSName', form: '<name>-<id>.<region>.elb.amazonaws.com', hosts: REGIONAL_HOSTS },
  // Amplify Hosting documents no other partition's domain: its host stays open for allowlists.
  { type: 'AWS::Amplify::App', attribute: 'DefaultDomain', form: '<app-id>.amplifyapp.com' },
  { type: 'AWS::ApiGateway::DomainName', attribute: 'RegionalDomainName', form: 'd-<id>.execute-api.<region>.amazonaws.com', hosts: REGIONAL_HOSTS },
  { type: 'AWS::ApiGateway::DomainName', attribute: 'DistributionDomainName', form: '<id>.cloudfront.net', hosts: CLOUDFRONT_HOSTS },
  { type: 'AWS::ApiGatewayV2::DomainName', attribute: 'RegionalDomainName', form: 'd-<id>.execute-api.<region>.amazonaws.com', hosts: REGIONAL_HOSTS },
  { type: 'AWS::Lambda::Url', attribute: 'FunctionUrl', scheme: 'https', path: '/', form: 'https://<url-id>.lambda-url.<region>.on.aws/', hosts: LAMBDA_URL_HOSTS },
  // A WebSocket API's endpoint is wss://…: only an HTTP API's is https.
  { type: 'AWS::ApiGatewayV2::Api', attribute: 'ApiEndpoint', scheme: 'https', form: 'https://<api-id>.execute-api.<region>.amazonaws.com', when: { property: 'ProtocolType', value: 'HTTP' }, hosts: REGIONAL_HOSTS },
];

/** A resource of the template, as far as the value model needs it. */
export interface ResourceView {
  readonly Type?: unknown;
  readonly Properties?: unknown;
}

/**
 * Finds a resource of the template by logical id (undefined when not visible); `mappings` is the
 * template's `Mappings` section, for `Fn::FindInMap` (see single-valued.ts), when there is one.
 */
export type ResourceLookup = ((logicalId: string) => ResourceView | undefined) & { readonly mappings?: unknown };

/**
 * The lookup of a template: its resources by logical id, and its `Mappings` (read once, here).
 *
 * @param resources the template's `Resources`
 * @param mappings the template's `Mappings`, if any
 */
export function templateLookup(resources: { [id: string]: unknown }, mappings: unknown): ResourceLookup {
  const lookup = (id: string) => {
    const r = resources[id];
    return typeof r === 'object' && r !== null && !Array.isArray(r) ? r as ResourceView : undefined;
  };
  return typeof mappings === 'object' && mappings !== null && !Array.isArray(mappings) ? Object.assign(lookup, { mappings }) : lookup;
}

/**
 * A part of a string with a documented shape: `${Resource.Attribute}`. It stands for the whole
 * attribute value: its scheme (if any), a non-loopback DNS host and its path (if any).
 */
export class Shaped {
  constructor(
    /** `Resource.Attribute`, as `Fn::Sub` would write it. */
    public readonly label: string,
    public readonly shape: AttributeShape,
  ) {}

  public toString(): string {
    return `\${${this.label}}`;
  }
}

/** The shaped part `Fn::GetAtt [logicalId, attribute]` yields, or undefined when its shape is not documented or not visible. */
export function shapedAttribute(logicalId: unknown, attribute: unknown, lookup: ResourceLookup | undefined): Shaped | undefined {
  if (lookup === undefined || typeof logicalId !== 'string' || typeof attribute !== 'string') return undefined;
  const r = lookup(logicalId);
  if (r === undefined || typeof r !== 'object' || r === null) return undefined;
  for (const s of ATTRIBUTE_SHAPES) {
    if (s.type !== r.Type || s.attribute !== attribute) continue;
    if (s.when) {
      const props = r.Properties;
      if (typeof props !== 'object' || props === null || (props as { [key: string]: unknown })[s.when.property] !== s.when.value) return undefined;
    }
    return new Shaped(`${logicalId}.${attribute}`, s);
  }
  return undefined;
}

/** `Fn::GetAtt` in either form: `[id, attr]` or `"id.attr"`. */
export function getAttArgs(arg: unknown): [unknown, unknown] | undefined {
  if (Array.isArray(arg) && arg.length === 2) return [arg[0], arg[1]];
  if (typeof arg === 'string') {
    const dot = arg.indexOf('.');
    if (dot > 0) return [arg.slice(0, dot), arg.slice(dot + 1)];
  }
  return undefined;
}
