package io.sipplatform.proto;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import com.google.protobuf.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One declaration of a .proto file (message, field, oneof, enum, enum value, service or rpc) with the leading
 * comment protoc recorded for it. Flattening the descriptor tree once lets each contract rule be a simple filter.
 *
 * @param kind           what was declared
 * @param file           the .proto file's path, e.g. {@code sipplatform/cdr/v1/cdr.proto}
 * @param fullName       fully qualified name, e.g. {@code sipplatform.cdr.v1.CallEvent.call_id}
 * @param declaration    the descriptor proto of the declaration
 * @param leadingComment the comment right above it, empty when there is none
 */
record ProtoElement(Kind kind, String file, String fullName, Message declaration, String leadingComment) {

    enum Kind { MESSAGE, FIELD, ONEOF, ENUM, ENUM_VALUE, SERVICE, RPC }

    String where() {
        return kind + " " + fullName + " (" + file + ")";
    }

    /** Every declaration of the file, depth first, in declaration order. */
    static List<ProtoElement> of(FileDescriptorProto file) {
        Map<List<Integer>, String> comments = new HashMap<>();
        for (SourceCodeInfo.Location location : file.getSourceCodeInfo().getLocationList()) {
            comments.put(location.getPathList(), location.getLeadingComments());
        }
        var walk = new Walk(file.getName(), comments, new ArrayList<>());
        String scope = file.getPackage();
        for (int i = 0; i < file.getMessageTypeCount(); i++) {
            walk.message(file.getMessageType(i), scope, List.of(FileDescriptorProto.MESSAGE_TYPE_FIELD_NUMBER, i));
        }
        for (int i = 0; i < file.getEnumTypeCount(); i++) {
            walk.enumeration(file.getEnumType(i), scope, List.of(FileDescriptorProto.ENUM_TYPE_FIELD_NUMBER, i));
        }
        for (int i = 0; i < file.getServiceCount(); i++) {
            walk.service(file.getService(i), scope, List.of(FileDescriptorProto.SERVICE_FIELD_NUMBER, i));
        }
        return List.copyOf(walk.out);
    }

    private record Walk(String file, Map<List<Integer>, String> comments, List<ProtoElement> out) {

        void message(DescriptorProto message, String scope, List<Integer> path) {
            if (message.getOptions().getMapEntry()) {
                return; // synthesised for map fields, has no source of its own
            }
            String name = scope + "." + message.getName();
            add(Kind.MESSAGE, name, message, path);
            for (int i = 0; i < message.getFieldCount(); i++) {
                FieldDescriptorProto field = message.getField(i);
                add(Kind.FIELD, name + "." + field.getName(), field, child(path, DescriptorProto.FIELD_FIELD_NUMBER, i));
            }
            for (int i = 0; i < message.getOneofDeclCount(); i++) {
                if (isSynthetic(message, i)) {
                    continue; // proto3 `optional` creates a oneof that is not in the source
                }
                OneofDescriptorProto oneof = message.getOneofDecl(i);
                add(Kind.ONEOF, name + "." + oneof.getName(), oneof,
                        child(path, DescriptorProto.ONEOF_DECL_FIELD_NUMBER, i));
            }
            for (int i = 0; i < message.getNestedTypeCount(); i++) {
                message(message.getNestedType(i), name, child(path, DescriptorProto.NESTED_TYPE_FIELD_NUMBER, i));
            }
            for (int i = 0; i < message.getEnumTypeCount(); i++) {
                enumeration(message.getEnumType(i), name, child(path, DescriptorProto.ENUM_TYPE_FIELD_NUMBER, i));
            }
        }

        void enumeration(EnumDescriptorProto enumeration, String scope, List<Integer> path) {
            String name = scope + "." + enumeration.getName();
            add(Kind.ENUM, name, enumeration, path);
            for (int i = 0; i < enumeration.getValueCount(); i++) {
                // Enum values are scoped like siblings of their enum in protobuf, but named under it here for clarity.
                add(Kind.ENUM_VALUE, name + "." + enumeration.getValue(i).getName(), enumeration.getValue(i),
                        child(path, EnumDescriptorProto.VALUE_FIELD_NUMBER, i));
            }
        }

        void service(ServiceDescriptorProto service, String scope, List<Integer> path) {
            String name = scope + "." + service.getName();
            add(Kind.SERVICE, name, service, path);
            for (int i = 0; i < service.getMethodCount(); i++) {
                add(Kind.RPC, name + "." + service.getMethod(i).getName(), service.getMethod(i),
                        child(path, ServiceDescriptorProto.METHOD_FIELD_NUMBER, i));
            }
        }

        private void add(Kind kind, String fullName, Message declaration, List<Integer> path) {
            out.add(new ProtoElement(kind, file, fullName, declaration, comments.getOrDefault(path, "")));
        }

        private static boolean isSynthetic(DescriptorProto message, int oneofIndex) {
            return message.getFieldList().stream()
                    .filter(f -> f.hasOneofIndex() && f.getOneofIndex() == oneofIndex)
                    .allMatch(FieldDescriptorProto::getProto3Optional);
        }

        private static List<Integer> child(List<Integer> parent, int fieldNumber, int index) {
            List<Integer> path = new ArrayList<>(parent.size() + 2);
            path.addAll(parent);
            path.add(fieldNumber);
            path.add(index);
            return List.copyOf(path);
        }
    }
}
