package io.snapshotbatch.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * STS {@code GetCallerIdentity} on the emulator's endpoint, so that a client pointed at the emulator learns the
 * emulator's account (the {@code CreatedBy} of the snapshots it makes). Both wire forms are answered: the query
 * protocol ({@code Action=GetCallerIdentity} form body, XML answer) and awsJson1_0 (X-Amz-Target
 * {@code AWSSecurityTokenServiceV20110615.GetCallerIdentity}).
 */
final class StsCallerIdentity {

    static final String JSON_TARGET = "AWSSecurityTokenServiceV20110615.GetCallerIdentity";

    private final String accountId;
    private final ObjectMapper mapper;

    StsCallerIdentity(String accountId, ObjectMapper mapper) {
        this.accountId = accountId;
        this.mapper = mapper;
    }

    boolean answers(String target, byte[] body) {
        if (JSON_TARGET.equals(target)) {
            return true;
        }
        return target == null && new String(body, StandardCharsets.UTF_8).contains("Action=GetCallerIdentity");
    }

    void handle(HttpExchange exchange, String target) throws IOException {
        String arn = "arn:aws:iam::" + accountId + ":user/emulator";
        if (JSON_TARGET.equals(target)) {
            byte[] json = mapper.writeValueAsBytes(mapper.createObjectNode()
                    .put("UserId", "AIDAEMULATOR").put("Account", accountId).put("Arn", arn));
            WireWriter.send(exchange, 200, WireWriter.CONTENT_TYPE, json);
            return;
        }
        String xml = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<GetCallerIdentityResult><Arn>" + arn + "</Arn><UserId>AIDAEMULATOR</UserId><Account>" + accountId
                + "</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>" + UUID.randomUUID()
                + "</RequestId></ResponseMetadata></GetCallerIdentityResponse>";
        WireWriter.send(exchange, 200, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
    }
}
