/** The fake Systems Manager's wire handling and command state. */
package dev.mgnagent.testkit.ssm.internal;
