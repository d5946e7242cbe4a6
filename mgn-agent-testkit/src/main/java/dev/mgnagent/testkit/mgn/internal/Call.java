package dev.mgnagent.testkit.mgn.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgnagent.testkit.aws.internal.IncomingRequest;
import dev.mgnagent.testkit.aws.internal.KeyRing;
import java.util.List;
import java.util.Map;

/**
 * One authenticated, authorized call to an operation.
 *
 * @param request the request as it arrived
 * @param body the parsed JSON body (empty when there was none)
 * @param pathParameter the decoded path parameter ({@code resourceArn} of the tag operations), or
 *     null
 * @param query the decoded query parameters
 * @param principal who signed the request
 */
record Call(
    IncomingRequest request,
    ObjectNode body,
    String pathParameter,
    Map<String, List<String>> query,
    KeyRing.Principal principal) {}
