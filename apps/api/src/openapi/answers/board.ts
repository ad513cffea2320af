import { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The answers of offers and needs, by operation and status. */
export const BOARD_ANSWERS: Readonly<Record<string, Readonly<Record<number, SchemaObject | ReferenceObject>>>> = {
  "GET /hubs/{hubId}/listings/{listingId}": {"200": {"$ref": "#/components/schemas/Listing"}},
  "GET /hubs/{hubId}/listings": {
    "200": {
      "type": "object",
      "properties": {
        "listings": {"type": "array", "items": {"$ref": "#/components/schemas/Listing"}},
        "next": {"type": "integer", "nullable": true}
      },
      "required": ["listings", "next"]
    }
  },
  "PATCH /hubs/{hubId}/listings/{listingId}": {
    "200": {
      "type": "object",
      "properties": {"listingId": {"type": "string"}, "status": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["listingId", "status", "position"]
    }
  },
  "POST /hubs/{hubId}/listings": {
    "201": {
      "type": "object",
      "properties": {"listingId": {"type": "string"}, "expiresAt": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["listingId", "expiresAt", "position"]
    }
  }
};
