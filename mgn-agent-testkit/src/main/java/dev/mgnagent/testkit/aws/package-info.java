/**
 * Fakes of the AWS services around MGN that mgn-agent calls while initializing it: IAM (roles), STS
 * ({@code GetCallerIdentity}, {@code AssumeRole}) and EC2 (the default VPC and its subnets). Each
 * listens on 127.0.0.1, verifies SigV4 like the fake MGN, limits each key to the actions it was
 * given, and speaks its service's own wire protocol, so the real AWS SDK clients talk to it
 * unchanged.
 */
package dev.mgnagent.testkit.aws;
