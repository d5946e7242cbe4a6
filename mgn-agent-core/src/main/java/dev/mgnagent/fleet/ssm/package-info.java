/**
 * Fleet install through AWS Systems Manager Run Command: the agent is installed on managed nodes
 * (EC2 instances and hybrid-activated {@code mi-} servers) by {@code AWS-RunShellScript} commands,
 * with short-lived credentials only. The outcomes are the fleet's own ({@link
 * dev.mgnagent.fleet.FleetResult}).
 */
package dev.mgnagent.fleet.ssm;
