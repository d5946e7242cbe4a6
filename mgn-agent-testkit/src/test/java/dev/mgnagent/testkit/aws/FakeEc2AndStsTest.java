package dev.mgnagent.testkit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** {@link FakeEc2} and {@link FakeSts} through the real SDK clients. */
class FakeEc2AndStsTest {

  @Test
  void theDefaultVpcAndItsDefaultSubnets() {
    try (FakeEc2 ec2 = FakeEc2.builder().region("eu-west-3").build().start();
        Ec2Client client = ec2.newClient()) {
      Vpc vpc =
          client
              .describeVpcs(r -> r.filters(f -> f.name("is-default").values("true")))
              .vpcs()
              .get(0);
      assertThat(vpc.isDefault()).isTrue();
      assertThat(vpc.vpcId()).matches("vpc-[0-9a-f]{17}");

      java.util.List<Subnet> subnets =
          client
              .describeSubnets(
                  r ->
                      r.filters(
                          f -> f.name("vpc-id").values(vpc.vpcId()),
                          f -> f.name("default-for-az").values("true")))
              .subnets();
      assertThat(subnets)
          .extracting(Subnet::availabilityZone)
          .containsExactlyInAnyOrder("eu-west-3a", "eu-west-3b", "eu-west-3c");
      assertThat(subnets)
          .allSatisfy(
              s -> {
                assertThat(s.defaultForAz()).isTrue();
                assertThat(s.subnetId()).matches("subnet-[0-9a-f]{17}");
              });
      assertThat(
              client
                  .describeSubnets(
                      r -> r.filters(f -> f.name("availability-zone").values("eu-west-3a")))
                  .subnets())
          .hasSize(1);
      assertThatThrownBy(
              () -> client.describeVpcs(r -> r.filters(f -> f.name("nonsense").values("x"))))
          .isInstanceOfSatisfying(
              Ec2Exception.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
    }
  }

  @Test
  void anAccountWithoutDefaultVpc() {
    try (FakeEc2 ec2 = FakeEc2.builder().noDefaultVpc().build().start();
        Ec2Client client = ec2.newClient()) {
      assertThat(
              client.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true"))).vpcs())
          .isEmpty();
      assertThat(client.describeSubnets(r -> {}).subnets()).isEmpty();
    }
  }

  @Test
  void ec2RefusesAsEc2Does() {
    AwsBasicCredentials none = AwsBasicCredentials.create("AKIANONE000000000001", "n".repeat(40));
    AwsBasicCredentials stranger =
        AwsBasicCredentials.create("AKIASTRANGER00000001", "s".repeat(40));
    try (FakeEc2 ec2 = FakeEc2.builder().build().addCredentials(none, Set.of()).start()) {
      for (AwsBasicCredentials keys : java.util.List.of(none, stranger)) {
        try (Ec2Client client =
            Ec2Client.builder()
                .region(ec2.region())
                .endpointOverride(ec2.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(keys))
                .build()) {
          assertThatThrownBy(() -> client.describeVpcs(r -> {}))
              .isInstanceOfSatisfying(
                  Ec2Exception.class,
                  e -> {
                    if (keys == none) {
                      assertThat(e.statusCode()).isEqualTo(403);
                      assertThat(e.awsErrorDetails().errorCode())
                          .isEqualTo("UnauthorizedOperation");
                    } else {
                      // 401: the URL-connection client gets no body for a 401 without a challenge
                      assertThat(e.statusCode()).isEqualTo(401);
                    }
                  });
        }
      }
    }
  }

  @Test
  void callerIdentityNeedsNoPermission() {
    AwsBasicCredentials other = AwsBasicCredentials.create("AKIAOTHER00000000001", "o".repeat(40));
    try (FakeSts sts =
            FakeSts.builder()
                .region("eu-west-3")
                .accountId("444455556666")
                .build()
                .addCredentials(other)
                .start();
        StsClient client =
            StsClient.builder()
                .region(sts.region())
                .endpointOverride(sts.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(other))
                .build()) {
      GetCallerIdentityResponse me = client.getCallerIdentity();
      assertThat(me.account()).isEqualTo("444455556666");
      assertThat(me.arn()).startsWith("arn:aws:iam::444455556666:user/");
      assertThat(me.userId()).startsWith("AIDA");
    }
  }

  @Test
  void stsDoesNotKnowAStranger() {
    AwsBasicCredentials stranger =
        AwsBasicCredentials.create("AKIASTRANGER00000001", "s".repeat(40));
    try (FakeSts sts = FakeSts.builder().build().start();
        StsClient client =
            StsClient.builder()
                .region(sts.region())
                .endpointOverride(sts.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(stranger))
                .build()) {
      assertThatThrownBy(client::getCallerIdentity)
          .isInstanceOfSatisfying(
              StsException.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
    }
  }
}
