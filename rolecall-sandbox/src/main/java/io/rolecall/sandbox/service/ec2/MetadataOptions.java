package io.rolecall.sandbox.service.ec2;

/**
 * An instance's metadata service options, as DescribeInstances reports them. {@code state} is "applied" once a
 * change took effect; the sandbox applies changes at once, so only ModifyInstanceMetadataOptions' own answer says
 * "pending", as AWS's does.
 */
public record MetadataOptions(String state, String httpTokens, int httpPutResponseHopLimit, String httpEndpoint,
                              String httpProtocolIpv6, String instanceMetadataTags) {

  /** What an instance launched without options gets: IMDSv1 allowed, one hop, endpoint on. */
  public static final MetadataOptions DEFAULTS = new MetadataOptions("applied", "optional", 1, "enabled", "disabled",
      "disabled");

  public MetadataOptions withHttpTokens(String v) {
    return new MetadataOptions(state, v, httpPutResponseHopLimit, httpEndpoint, httpProtocolIpv6, instanceMetadataTags);
  }

  public MetadataOptions withHttpPutResponseHopLimit(int v) {
    return new MetadataOptions(state, httpTokens, v, httpEndpoint, httpProtocolIpv6, instanceMetadataTags);
  }

  public MetadataOptions withHttpEndpoint(String v) {
    return new MetadataOptions(state, httpTokens, httpPutResponseHopLimit, v, httpProtocolIpv6, instanceMetadataTags);
  }

  public MetadataOptions withHttpProtocolIpv6(String v) {
    return new MetadataOptions(state, httpTokens, httpPutResponseHopLimit, httpEndpoint, v, instanceMetadataTags);
  }

  public MetadataOptions withInstanceMetadataTags(String v) {
    return new MetadataOptions(state, httpTokens, httpPutResponseHopLimit, httpEndpoint, httpProtocolIpv6, v);
  }

  public MetadataOptions withState(String v) {
    return new MetadataOptions(v, httpTokens, httpPutResponseHopLimit, httpEndpoint, httpProtocolIpv6,
        instanceMetadataTags);
  }
}
