import { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The answers of the journal, verify, health and metrics, by operation and status. */
export const AUDIT_AND_HEALTH_ANSWERS: Readonly<Record<string, Readonly<Record<number, SchemaObject | ReferenceObject>>>> = {
  "GET /audit/verify": {
    "200": {
      "type": "object",
      "properties": {
        "ok": {"type": "boolean"},
        "events": {"type": "integer"},
        "position": {"type": "integer"},
        "fingerprint": {"type": "string"},
        "problems": {"type": "array", "items": {}}
      },
      "required": ["ok", "events", "position", "fingerprint", "problems"]
    }
  },
  "GET /health/ready": {
    "200": {
      "type": "object",
      "properties": {
        "status": {"type": "string"},
        "store": {"type": "string"},
        "position": {"type": "integer"},
        "readModelPosition": {"type": "integer"},
        "history": {"type": "object", "properties": {"broken": {"type": "array", "items": {}}}, "required": ["broken"]}
      },
      "required": ["status", "store", "position", "readModelPosition", "history"]
    }
  },
  "GET /health": {
    "200": {
      "type": "object",
      "properties": {
        "status": {"type": "string"},
        "store": {"type": "string"},
        "position": {"type": "integer"},
        "readModelPosition": {"type": "integer"},
        "history": {
          "type": "object",
          "properties": {
            "broken": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "streamId": {"type": "string"},
                  "position": {"type": "integer"},
                  "revision": {"type": "integer"},
                  "problem": {"type": "string"}
                },
                "required": ["streamId", "position", "revision", "problem"]
              }
            }
          },
          "required": ["broken"]
        }
      },
      "required": ["status", "store", "position", "readModelPosition", "history"]
    }
  },
  "GET /hubs/{hubId}/audit/events": {
    "200": {
      "type": "object",
      "properties": {
        "events": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "position": {"type": "integer"},
              "streamId": {"type": "string"},
              "revision": {"type": "integer"},
              "id": {"type": "string"},
              "type": {"type": "string"},
              "data": {
                "type": "object",
                "additionalProperties": true,
                "description": "the event's own fields (docs/audit.md)"
              },
              "metadata": {
                "type": "object",
                "additionalProperties": true,
                "description": "actor, correlation id, idempotency key, schema version"
              },
              "hash": {"type": "string"}
            },
            "required": ["position", "streamId", "revision", "id", "type", "data", "metadata", "hash"]
          }
        },
        "next": {"type": "integer", "nullable": true}
      },
      "required": ["events", "next"]
    }
  },
  "GET /metrics": {"200": {"type": "string", "description": "the Prometheus text format"}}
};
