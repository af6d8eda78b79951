package io.sipplatform.registrar.store;

import org.infinispan.protostream.GeneratedSchema;
import org.infinispan.protostream.annotations.ProtoSchema;
import org.infinispan.protostream.annotations.ProtoSyntax;

/**
 * ProtoStream schema of the registrar's cache values; the processor generates its marshallers at compile time.
 * proto2 on purpose: in proto3 mode the generated reader turns an absent repeated string into a list holding one
 * "", so a value read back would not equal the value written and every compare-and-set would fail.
 */
@ProtoSchema(
        includeClasses = {StoredAor.class, StoredBinding.class, FailureWindow.class},
        schemaPackageName = "sipplatform.registrar.store.v1",
        schemaFileName = "registrar-store.proto",
        schemaFilePath = "proto/",
        syntax = ProtoSyntax.PROTO2)
public interface LocationSchema extends GeneratedSchema {
}
