/**
 * The body of each success, by operation and status: first inferred from every answer the e2e
 * suites received (types, and the fields every answer had as required), then read and corrected
 * by hand. The authorization matrix checks each answer it gets against these, so they cannot drift.
 */
import { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export const SUCCESS_SCHEMAS: Readonly<Record<string, Readonly<Record<number, SchemaObject | ReferenceObject>>>> = {
  "DELETE /hubs/{hubId}/things/{thingId}/holds/{holdId}": {
    "200": {
      "type": "object",
      "properties": {
        "thingId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        },
        "dueAt": {
          "type": "string"
        }
      },
      "required": [
        "thingId",
        "status",
        "position"
      ]
    }
  },
  "GET /audit/verify": {
    "200": {
      "type": "object",
      "properties": {
        "ok": {
          "type": "boolean"
        },
        "events": {
          "type": "integer"
        },
        "position": {
          "type": "integer"
        },
        "fingerprint": {
          "type": "string"
        },
        "problems": {
          "type": "array",
          "items": {}
        }
      },
      "required": [
        "ok",
        "events",
        "position",
        "fingerprint",
        "problems"
      ]
    }
  },
  "GET /health/ready": {
    "200": {
      "type": "object",
      "properties": {
        "status": {
          "type": "string"
        },
        "store": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        },
        "readModelPosition": {
          "type": "integer"
        },
        "history": {
          "type": "object",
          "properties": {
            "broken": {
              "type": "array",
              "items": {}
            }
          },
          "required": [
            "broken"
          ]
        }
      },
      "required": [
        "status",
        "store",
        "position",
        "readModelPosition",
        "history"
      ]
    }
  },
  "GET /health": {
    "200": {
      "type": "object",
      "properties": {
        "status": {
          "type": "string"
        },
        "store": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        },
        "readModelPosition": {
          "type": "integer"
        },
        "history": {
          "type": "object",
          "properties": {
            "broken": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "streamId": {
                    "type": "string"
                  },
                  "position": {
                    "type": "integer"
                  },
                  "revision": {
                    "type": "integer"
                  },
                  "problem": {
                    "type": "string"
                  }
                },
                "required": [
                  "streamId",
                  "position",
                  "revision",
                  "problem"
                ]
              }
            }
          },
          "required": [
            "broken"
          ]
        }
      },
      "required": [
        "status",
        "store",
        "position",
        "readModelPosition",
        "history"
      ]
    }
  },
  "GET /hubs/{hubId}/aid/requests/{requestId}": {
    "200": {
      "$ref": "#/components/schemas/AidRequest"
    }
  },
  "GET /hubs/{hubId}/aid/requests": {
    "200": {
      "type": "object",
      "properties": {
        "requests": {
          "type": "array",
          "items": {
            "$ref": "#/components/schemas/AidRequest"
          }
        },
        "next": {
          "type": "string",
          "nullable": true
        }
      },
      "required": [
        "requests",
        "next"
      ]
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
              "position": {
                "type": "integer"
              },
              "streamId": {
                "type": "string"
              },
              "revision": {
                "type": "integer"
              },
              "id": {
                "type": "string"
              },
              "type": {
                "type": "string"
              },
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
              "hash": {
                "type": "string"
              }
            },
            "required": [
              "position",
              "streamId",
              "revision",
              "id",
              "type",
              "data",
              "metadata",
              "hash"
            ]
          }
        },
        "next": {
          "type": "integer",
          "nullable": true
        }
      },
      "required": [
        "events",
        "next"
      ]
    }
  },
  "GET /hubs/{hubId}/categories": {
    "200": {
      "type": "object",
      "properties": {
        "categories": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "categoryId": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "retired": {
                "type": "boolean"
              }
            },
            "required": [
              "categoryId",
              "name",
              "retired"
            ]
          }
        }
      },
      "required": [
        "categories"
      ]
    }
  },
  "GET /hubs/{hubId}/listings/{listingId}": {
    "200": {
      "$ref": "#/components/schemas/Listing"
    }
  },
  "GET /hubs/{hubId}/listings": {
    "200": {
      "type": "object",
      "properties": {
        "listings": {
          "type": "array",
          "items": {
            "$ref": "#/components/schemas/Listing"
          }
        },
        "next": {
          "type": "integer",
          "nullable": true
        }
      },
      "required": [
        "listings",
        "next"
      ]
    }
  },
  "GET /hubs/{hubId}/member-changes": {
    "200": {
      "type": "object",
      "properties": {
        "changes": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "changeId": {
                "type": "string"
              },
              "memberId": {
                "type": "string"
              },
              "displayName": {
                "type": "string"
              },
              "change": {
                "type": "object",
                "properties": {
                  "kind": {
                    "type": "string"
                  },
                  "officerRoles": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  }
                },
                "required": [
                  "kind",
                  "officerRoles"
                ]
              },
              "proposedBy": {
                "type": "string"
              },
              "proposedByName": {
                "type": "string"
              },
              "proposedAt": {
                "type": "string"
              }
            },
            "required": [
              "changeId",
              "memberId",
              "displayName",
              "change",
              "proposedBy",
              "proposedByName",
              "proposedAt"
            ]
          }
        }
      },
      "required": [
        "changes"
      ]
    }
  },
  "GET /hubs/{hubId}/members/{memberId}/balance": {
    "200": {
      "type": "object",
      "properties": {
        "memberId": {
          "type": "string"
        },
        "hours": {
          "type": "object",
          "properties": {
            "balance": {
              "type": "string"
            },
            "creditLimit": {
              "type": "string"
            },
            "available": {
              "type": "string"
            },
            "nearLimit": {
              "type": "boolean"
            }
          },
          "required": [
            "balance",
            "creditLimit",
            "available",
            "nearLimit"
          ]
        },
        "savings": {
          "type": "object",
          "properties": {
            "balance": {
              "type": "string"
            }
          },
          "required": [
            "balance"
          ]
        },
        "loans": {
          "type": "object",
          "properties": {
            "outstanding": {
              "type": "string"
            }
          },
          "required": [
            "outstanding"
          ]
        },
        "asOf": {
          "type": "string"
        }
      },
      "required": [
        "memberId",
        "hours",
        "savings",
        "loans"
      ]
    }
  },
  "GET /hubs/{hubId}/members/{memberId}/statement": {
    "200": {
      "type": "object",
      "properties": {
        "memberId": {
          "type": "string"
        },
        "account": {
          "type": "string"
        },
        "entries": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "position": {
                "type": "integer"
              },
              "at": {
                "type": "string"
              },
              "type": {
                "type": "string"
              },
              "counterparty": {
                "type": "string",
                "nullable": true
              },
              "counterpartyName": {
                "type": "string",
                "nullable": true
              },
              "memo": {
                "type": "string"
              },
              "reference": {
                "type": "string",
                "nullable": true
              },
              "balance": {
                "type": "string"
              },
              "amount": {
                "type": "string"
              },
              "reversedBy": {
                "type": "object",
                "properties": {
                  "reversalId": {
                    "type": "string"
                  },
                  "position": {
                    "type": "integer"
                  }
                },
                "required": [
                  "reversalId",
                  "position"
                ],
                "nullable": true
              },
              "reverses": {
                "type": "object",
                "properties": {
                  "reversalId": {
                    "type": "string"
                  },
                  "position": {
                    "type": "integer"
                  }
                },
                "required": [
                  "reversalId",
                  "position"
                ],
                "nullable": true
              },
              "category": {
                "type": "object",
                "properties": {
                  "categoryId": {
                    "type": "string"
                  },
                  "name": {
                    "type": "string"
                  }
                },
                "required": [
                  "categoryId",
                  "name"
                ],
                "nullable": true
              },
              "listing": {
                "type": "object",
                "properties": {
                  "listingId": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string"
                  }
                },
                "required": [
                  "listingId",
                  "title"
                ],
                "nullable": true
              }
            },
            "required": [
              "position",
              "at",
              "type",
              "counterparty",
              "counterpartyName",
              "memo",
              "reference",
              "balance",
              "amount",
              "reversedBy",
              "reverses",
              "category",
              "listing"
            ]
          }
        },
        "next": {
          "type": "integer",
          "nullable": true
        }
      },
      "required": [
        "memberId",
        "account",
        "entries",
        "next"
      ]
    }
  },
  "GET /hubs/{hubId}/members/{memberId}/things": {
    "200": {
      "type": "object",
      "properties": {
        "loans": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "thingId": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "loanId": {
                "type": "string"
              },
              "lentAt": {
                "type": "string"
              },
              "dueAt": {
                "type": "string"
              },
              "overdue": {
                "type": "boolean"
              },
              "owner": {
                "type": "object",
                "properties": {
                  "memberId": {
                    "type": "string"
                  },
                  "displayName": {
                    "type": "string"
                  }
                },
                "required": [
                  "memberId",
                  "displayName"
                ]
              }
            },
            "required": [
              "thingId",
              "name",
              "loanId",
              "lentAt",
              "dueAt",
              "overdue",
              "owner"
            ]
          }
        },
        "holds": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "thingId": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "holdId": {
                "type": "string"
              },
              "place": {
                "type": "integer"
              },
              "status": {
                "type": "string"
              },
              "turnUntil": {
                "type": "string",
                "nullable": true
              }
            },
            "required": [
              "thingId",
              "name",
              "holdId",
              "place",
              "status",
              "turnUntil"
            ]
          }
        }
      },
      "required": [
        "loans",
        "holds"
      ]
    }
  },
  "GET /hubs/{hubId}/members": {
    "200": {
      "type": "object",
      "properties": {
        "members": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "memberId": {
                "type": "string"
              },
              "displayName": {
                "type": "string"
              },
              "roles": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "offers": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "listingId": {
                      "type": "string"
                    },
                    "title": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "listingId",
                    "title"
                  ]
                }
              },
              "needs": {
                "type": "array",
                "items": {}
              },
              "contact": {
                "type": "string"
              },
              "about": {
                "type": "string"
              },
              "hours": {
                "type": "object",
                "properties": {
                  "balance": {
                    "type": "string"
                  }
                },
                "required": [
                  "balance"
                ]
              }
            },
            "required": [
              "memberId",
              "displayName",
              "roles",
              "offers",
              "needs"
            ]
          }
        },
        "next": {
          "type": "string",
          "nullable": true
        }
      },
      "required": [
        "members",
        "next"
      ]
    }
  },
  "GET /hubs/{hubId}/me": {
    "200": {
      "type": "object",
      "properties": {
        "memberId": {
          "type": "string"
        },
        "displayName": {
          "type": "string"
        },
        "roles": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      },
      "required": [
        "memberId",
        "displayName",
        "roles"
      ],
      "nullable": true
    }
  },
  "GET /hubs/{hubId}/pool/loans/{loanId}": {
    "200": {
      "$ref": "#/components/schemas/Loan"
    }
  },
  "GET /hubs/{hubId}/pool/loans": {
    "200": {
      "type": "object",
      "properties": {
        "loans": {
          "type": "array",
          "items": {
            "$ref": "#/components/schemas/Loan"
          }
        },
        "next": {
          "type": "string",
          "nullable": true
        }
      },
      "required": [
        "loans",
        "next"
      ]
    }
  },
  "GET /hubs/{hubId}/pool": {
    "200": {
      "type": "object",
      "properties": {
        "currency": {
          "type": "string"
        },
        "asOf": {
          "type": "string"
        },
        "savings": {
          "type": "string"
        },
        "cash": {
          "type": "string"
        },
        "reserve": {
          "type": "string"
        },
        "available": {
          "type": "string"
        },
        "loans": {
          "type": "object",
          "properties": {
            "active": {
              "type": "integer"
            },
            "outstanding": {
              "type": "string"
            },
            "arrears": {
              "type": "string"
            },
            "portfolioAtRisk30": {
              "type": "string"
            },
            "disbursed": {
              "type": "string"
            },
            "repaidPrincipal": {
              "type": "string"
            },
            "interestReceived": {
              "type": "string"
            },
            "writtenOff": {
              "type": "string"
            }
          },
          "required": [
            "active",
            "outstanding",
            "arrears",
            "portfolioAtRisk30",
            "disbursed",
            "repaidPrincipal",
            "interestReceived",
            "writtenOff"
          ]
        }
      },
      "required": [
        "currency",
        "asOf",
        "savings",
        "cash",
        "reserve",
        "available",
        "loans"
      ]
    }
  },
  "GET /hubs/{hubId}/projects/{projectId}": {
    "200": {
      "type": "object",
      "properties": {
        "hubId": {
          "type": "string"
        },
        "currency": {
          "type": "string"
        },
        "asOf": {
          "type": "string"
        },
        "projectId": {
          "type": "string"
        },
        "name": {
          "type": "string"
        },
        "budget": {
          "type": "string"
        },
        "financed": {
          "type": "object",
          "properties": {
            "poolLoans": {
              "type": "string"
            },
            "contributions": {
              "type": "string"
            },
            "creditUnion": {
              "type": "string"
            },
            "grant": {
              "type": "string"
            },
            "other": {
              "type": "string"
            },
            "total": {
              "type": "string"
            }
          },
          "required": [
            "poolLoans",
            "contributions",
            "creditUnion",
            "grant",
            "other",
            "total"
          ]
        },
        "spent": {
          "type": "string"
        },
        "remaining": {
          "type": "string"
        },
        "unfinanced": {
          "type": "string"
        },
        "owed": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "lender": {
                "type": "string"
              },
              "source": {
                "type": "string"
              },
              "owed": {
                "type": "string"
              }
            },
            "required": [
              "lender",
              "source",
              "owed"
            ]
          }
        },
        "phases": {
          "type": "array",
          "items": {
            "$ref": "#/components/schemas/ProjectPhase"
          }
        },
        "createdBy": {
          "type": "string"
        },
        "createdAt": {
          "type": "string"
        }
      },
      "required": [
        "hubId",
        "currency",
        "asOf",
        "projectId",
        "name",
        "budget",
        "financed",
        "spent",
        "remaining",
        "unfinanced",
        "owed",
        "phases",
        "createdBy",
        "createdAt"
      ]
    }
  },
  "GET /hubs/{hubId}/reports/financing": {
    "200": {
      "$ref": "#/components/schemas/FinancingReport"
    }
  },
  "GET /hubs/{hubId}/reversals": {
    "200": {
      "type": "object",
      "properties": {
        "reversals": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "reversalId": {
                "type": "string"
              },
              "status": {
                "type": "string"
              },
              "original": {
                "type": "object",
                "properties": {
                  "position": {
                    "type": "integer"
                  },
                  "type": {
                    "type": "string"
                  }
                },
                "required": [
                  "position",
                  "type"
                ]
              },
              "amount": {
                "type": "string"
              },
              "unit": {
                "type": "string"
              },
              "parties": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "mayDecide": {
                "type": "object",
                "properties": {
                  "member": {
                    "type": "string",
                    "nullable": true
                  },
                  "role": {
                    "type": "string"
                  },
                  "never": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  }
                },
                "required": [
                  "member",
                  "role",
                  "never"
                ]
              },
              "proposedBy": {
                "type": "string"
              },
              "reason": {
                "type": "string"
              },
              "proposedAt": {
                "type": "string"
              },
              "decidedBy": {
                "type": "string",
                "nullable": true
              },
              "decidedAt": {
                "type": "string",
                "nullable": true
              },
              "decisionNote": {
                "type": "string",
                "nullable": true
              },
              "appliedPosition": {
                "type": "integer",
                "nullable": true
              },
              "position": {
                "type": "integer"
              },
              "names": {
                "type": "object",
                "properties": {
                  "ann": {
                    "type": "string"
                  },
                  "ben": {
                    "type": "string"
                  },
                  "bob": {
                    "type": "string"
                  },
                  "cal": {
                    "type": "string"
                  },
                  "tom": {
                    "type": "string"
                  },
                  "ruth": {
                    "type": "string"
                  },
                  "v6": {
                    "type": "string"
                  },
                  "v7": {
                    "type": "string"
                  }
                }
              }
            },
            "required": [
              "reversalId",
              "status",
              "original",
              "amount",
              "unit",
              "parties",
              "mayDecide",
              "proposedBy",
              "reason",
              "proposedAt",
              "decidedBy",
              "decidedAt",
              "decisionNote",
              "appliedPosition",
              "position",
              "names"
            ]
          }
        },
        "next": {
          "type": "string",
          "nullable": true
        }
      },
      "required": [
        "reversals",
        "next"
      ]
    }
  },
  "GET /hubs/{hubId}/things/overdue": {
    "200": {
      "type": "object",
      "properties": {
        "asOf": {
          "type": "string"
        },
        "overdue": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "thingId": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "loanId": {
                "type": "string"
              },
              "borrower": {
                "type": "object",
                "properties": {
                  "memberId": {
                    "type": "string"
                  },
                  "displayName": {
                    "type": "string"
                  }
                },
                "required": [
                  "memberId",
                  "displayName"
                ]
              },
              "lentAt": {
                "type": "string"
              },
              "dueAt": {
                "type": "string"
              },
              "daysOverdue": {
                "type": "integer"
              }
            },
            "required": [
              "thingId",
              "name",
              "loanId",
              "borrower",
              "lentAt",
              "dueAt",
              "daysOverdue"
            ]
          }
        }
      },
      "required": [
        "asOf",
        "overdue"
      ]
    }
  },
  "GET /hubs/{hubId}/things/{thingId}/history": {
    "200": {
      "type": "object",
      "properties": {
        "history": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "position": {
                "type": "integer"
              },
              "kind": {
                "type": "string"
              },
              "at": {
                "type": "string"
              },
              "member": {
                "type": "object",
                "properties": {
                  "memberId": {
                    "type": "string"
                  },
                  "displayName": {
                    "type": "string"
                  }
                },
                "required": [
                  "memberId",
                  "displayName"
                ],
                "nullable": true
              },
              "by": {
                "type": "object",
                "properties": {
                  "memberId": {
                    "type": "string"
                  },
                  "displayName": {
                    "type": "string"
                  }
                },
                "required": [
                  "memberId",
                  "displayName"
                ]
              },
              "dueAt": {
                "type": "string",
                "nullable": true
              },
              "condition": {
                "type": "string",
                "nullable": true
              },
              "note": {
                "type": "string",
                "nullable": true
              },
              "deposit": {
                "type": "string",
                "nullable": true
              },
              "depositReturned": {
                "type": "boolean",
                "nullable": true
              },
              "hours": {
                "type": "string",
                "nullable": true
              }
            },
            "required": [
              "position",
              "kind",
              "at",
              "member",
              "by",
              "dueAt",
              "condition",
              "note",
              "deposit",
              "depositReturned",
              "hours"
            ]
          }
        },
        "next": {
          "type": "string",
          "nullable": true
        }
      },
      "required": [
        "history",
        "next"
      ]
    }
  },
  "GET /hubs/{hubId}/things/{thingId}": {
    "200": {
      "type": "object",
      "properties": {
        "thingId": {
          "type": "string"
        },
        "name": {
          "type": "string"
        },
        "description": {
          "type": "string"
        },
        "category": {
          "type": "object",
          "properties": {
            "categoryId": {
              "type": "string"
            },
            "name": {
              "type": "string"
            }
          },
          "required": [
            "categoryId",
            "name"
          ],
          "nullable": true
        },
        "owner": {
          "type": "object",
          "properties": {
            "memberId": {
              "type": "string"
            },
            "displayName": {
              "type": "string"
            }
          },
          "required": [
            "memberId",
            "displayName"
          ]
        },
        "loanDays": {
          "type": "integer"
        },
        "deposit": {
          "type": "string",
          "nullable": true
        },
        "hoursPerLoan": {
          "type": "string",
          "nullable": true
        },
        "status": {
          "type": "string"
        },
        "dueAt": {
          "type": "string",
          "nullable": true
        },
        "turn": {
          "type": "object",
          "properties": {
            "memberId": {
              "type": "string"
            },
            "displayName": {
              "type": "string"
            },
            "until": {
              "type": "string"
            }
          },
          "required": [
            "memberId",
            "displayName",
            "until"
          ],
          "nullable": true
        },
        "queue": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "memberId": {
                "type": "string"
              },
              "displayName": {
                "type": "string"
              },
              "holdId": {
                "type": "string"
              },
              "place": {
                "type": "integer"
              },
              "at": {
                "type": "string"
              }
            },
            "required": [
              "memberId",
              "displayName",
              "holdId",
              "place",
              "at"
            ]
          }
        },
        "lastCondition": {
          "type": "string",
          "nullable": true
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "thingId",
        "name",
        "description",
        "category",
        "owner",
        "loanDays",
        "deposit",
        "hoursPerLoan",
        "status",
        "dueAt",
        "turn",
        "queue",
        "lastCondition",
        "position"
      ]
    }
  },
  "GET /hubs/{hubId}/things": {
    "200": {
      "type": "object",
      "properties": {
        "things": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "thingId": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "description": {
                "type": "string"
              },
              "category": {
                "type": "string",
                "nullable": true
              },
              "owner": {
                "type": "object",
                "properties": {
                  "memberId": {
                    "type": "string"
                  },
                  "displayName": {
                    "type": "string"
                  }
                },
                "required": [
                  "memberId",
                  "displayName"
                ]
              },
              "loanDays": {
                "type": "integer"
              },
              "deposit": {
                "type": "string",
                "nullable": true
              },
              "hoursPerLoan": {
                "type": "string",
                "nullable": true
              },
              "status": {
                "type": "string"
              },
              "dueAt": {
                "type": "string",
                "nullable": true
              },
              "turn": {
                "type": "object",
                "properties": {
                  "memberId": {
                    "type": "string"
                  },
                  "displayName": {
                    "type": "string"
                  },
                  "until": {
                    "type": "string"
                  }
                },
                "required": [
                  "memberId",
                  "displayName",
                  "until"
                ],
                "nullable": true
              },
              "queue": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "memberId": {
                      "type": "string"
                    },
                    "displayName": {
                      "type": "string"
                    },
                    "holdId": {
                      "type": "string"
                    },
                    "place": {
                      "type": "integer"
                    },
                    "at": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "memberId",
                    "displayName",
                    "holdId",
                    "place",
                    "at"
                  ]
                }
              },
              "lastCondition": {
                "type": "string",
                "nullable": true
              },
              "position": {
                "type": "integer"
              }
            },
            "required": [
              "thingId",
              "name",
              "description",
              "category",
              "owner",
              "loanDays",
              "deposit",
              "hoursPerLoan",
              "status",
              "dueAt",
              "turn",
              "queue",
              "lastCondition",
              "position"
            ]
          }
        },
        "next": {
          "type": "string",
          "nullable": true
        }
      },
      "required": [
        "things",
        "next"
      ]
    }
  },
  "GET /hubs/{hubId}/timebank/requests": {
    "200": {
      "type": "object",
      "properties": {
        "requests": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "requestId": {
                "type": "string"
              },
              "fromMemberId": {
                "type": "string"
              },
              "fromName": {
                "type": "string"
              },
              "toMemberId": {
                "type": "string"
              },
              "toName": {
                "type": "string"
              },
              "hours": {
                "type": "string"
              },
              "memo": {
                "type": "string"
              },
              "categoryId": {
                "type": "string",
                "nullable": true
              },
              "listingId": {
                "type": "string",
                "nullable": true
              },
              "status": {
                "type": "string"
              },
              "requestedBy": {
                "type": "string"
              },
              "requestedAt": {
                "type": "string"
              },
              "decidedBy": {
                "type": "string",
                "nullable": true
              },
              "decidedAt": {
                "type": "string",
                "nullable": true
              },
              "transferId": {
                "type": "string",
                "nullable": true
              },
              "reason": {
                "type": "string",
                "nullable": true
              },
              "position": {
                "type": "integer"
              }
            },
            "required": [
              "requestId",
              "fromMemberId",
              "fromName",
              "toMemberId",
              "toName",
              "hours",
              "memo",
              "categoryId",
              "listingId",
              "status",
              "requestedBy",
              "requestedAt",
              "decidedBy",
              "decidedAt",
              "transferId",
              "reason",
              "position"
            ]
          }
        },
        "next": {
          "type": "string",
          "nullable": true
        }
      },
      "required": [
        "requests",
        "next"
      ]
    }
  },
  "GET /hubs/{hubId}": {
    "200": {
      "type": "object",
      "properties": {
        "hubId": {
          "type": "string"
        },
        "name": {
          "type": "string"
        },
        "currency": {
          "type": "string"
        },
        "currencyPlaces": {
          "type": "integer"
        },
        "createdAt": {
          "type": "string"
        },
        "timeBank": {
          "type": "object",
          "properties": {
            "defaultCreditLimit": {
              "type": "string"
            },
            "maxBalance": {
              "type": "string",
              "nullable": true
            },
            "hubAccountLimit": {
              "type": "string"
            },
            "warnAt": {
              "type": "string",
              "nullable": true
            },
            "requestAutoAcceptDays": {
              "type": "string",
              "nullable": true
            }
          },
          "required": [
            "defaultCreditLimit",
            "maxBalance",
            "hubAccountLimit",
            "warnAt",
            "requestAutoAcceptDays"
          ]
        },
        "pool": {
          "type": "object",
          "properties": {
            "approvalQuorum": {
              "type": "integer"
            },
            "reserveRatio": {
              "type": "string"
            }
          },
          "required": [
            "approvalQuorum",
            "reserveRatio"
          ]
        },
        "aid": {
          "type": "object",
          "properties": {
            "perMemberPerMonth": {
              "type": "string",
              "nullable": true
            }
          },
          "required": [
            "perMemberPerMonth"
          ]
        },
        "listingDays": {
          "type": "integer"
        },
        "members": {
          "type": "integer"
        }
      },
      "required": [
        "hubId",
        "name",
        "currency",
        "currencyPlaces",
        "createdAt",
        "timeBank",
        "pool",
        "aid",
        "listingDays",
        "members"
      ]
    }
  },
  "GET /metrics": {
    "200": {
      "type": "string",
      "description": "the Prometheus text format"
    }
  },
  "GET /reports/network": {
    "200": {
      "type": "object",
      "properties": {
        "asOf": {
          "type": "string"
        },
        "hubs": {
          "type": "array",
          "items": {
            "$ref": "#/components/schemas/FinancingReport"
          }
        },
        "totals": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "hubs": {
                "type": "integer"
              },
              "currency": {
                "type": "string"
              },
              "asOf": {
                "type": "string"
              },
              "period": {
                "type": "object",
                "properties": {
                  "from": {
                    "type": "string",
                    "nullable": true
                  },
                  "to": {
                    "type": "string"
                  }
                },
                "required": [
                  "from",
                  "to"
                ]
              },
              "contributions": {
                "$ref": "#/components/schemas/ReportContributions"
              },
              "pool": {
                "$ref": "#/components/schemas/ReportPool"
              },
              "things": {
                "type": "object",
                "properties": {
                  "loansMade": {
                    "type": "integer"
                  },
                  "onLoan": {
                    "type": "integer"
                  },
                  "overdue": {
                    "type": "integer"
                  },
                  "inRepair": {
                    "type": "integer"
                  }
                },
                "required": [
                  "loansMade",
                  "onLoan",
                  "overdue",
                  "inRepair"
                ]
              },
              "funds": {
                "type": "object",
                "properties": {
                  "general": {
                    "type": "string"
                  },
                  "aid": {
                    "type": "string"
                  }
                },
                "required": [
                  "general",
                  "aid"
                ]
              },
              "corrections": {
                "type": "integer"
              },
              "aid": {
                "$ref": "#/components/schemas/ReportAid"
              },
              "timeBank": {
                "type": "object",
                "properties": {
                  "hoursExchanged": {
                    "type": "string"
                  },
                  "activeMembers": {
                    "type": "integer"
                  },
                  "membersAtOrNearLimit": {
                    "type": "integer"
                  },
                  "hubAccountBalance": {
                    "type": "string"
                  }
                },
                "required": [
                  "hoursExchanged",
                  "activeMembers",
                  "membersAtOrNearLimit",
                  "hubAccountBalance"
                ]
              }
            },
            "required": [
              "hubs",
              "currency",
              "asOf",
              "period",
              "contributions",
              "pool",
              "things",
              "funds",
              "corrections",
              "aid",
              "timeBank"
            ]
          }
        }
      },
      "required": [
        "asOf",
        "hubs",
        "totals"
      ]
    }
  },
  "PATCH /hubs/{hubId}/listings/{listingId}": {
    "200": {
      "type": "object",
      "properties": {
        "listingId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "listingId",
        "status",
        "position"
      ]
    }
  },
  "PATCH /hubs/{hubId}/members/{memberId}/profile": {
    "200": {
      "type": "object",
      "properties": {
        "memberId": {
          "type": "string"
        },
        "displayName": {
          "type": "string"
        },
        "about": {
          "type": "string"
        },
        "contact": {
          "type": "string",
          "nullable": true
        },
        "showBalance": {
          "type": "boolean"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "memberId",
        "displayName",
        "about",
        "contact",
        "showBalance",
        "position"
      ]
    }
  },
  "PATCH /hubs/{hubId}/members/{memberId}": {
    "200": {
      "type": "object",
      "properties": {
        "memberId": {
          "type": "string"
        },
        "displayName": {
          "type": "string"
        },
        "roles": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "creditLimit": {
          "type": "string",
          "nullable": true
        },
        "status": {
          "type": "string"
        },
        "assisted": {
          "type": "boolean"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "memberId",
        "displayName",
        "roles",
        "creditLimit",
        "status",
        "assisted",
        "position"
      ]
    },
    "202": {
      "type": "object",
      "properties": {
        "changeId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "member": {
          "type": "object",
          "properties": {
            "memberId": {
              "type": "string"
            },
            "displayName": {
              "type": "string"
            },
            "roles": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "creditLimit": {
              "type": "string",
              "nullable": true
            },
            "status": {
              "type": "string"
            },
            "assisted": {
              "type": "boolean"
            }
          },
          "required": [
            "memberId",
            "displayName",
            "roles",
            "creditLimit",
            "status",
            "assisted"
          ]
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "changeId",
        "status",
        "member",
        "position"
      ]
    }
  },
  "PATCH /hubs/{hubId}/things/{thingId}": {
    "200": {
      "type": "object",
      "properties": {
        "thingId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "thingId",
        "status",
        "position"
      ]
    }
  },
  "PATCH /hubs/{hubId}": {
    "200": {
      "type": "object",
      "properties": {
        "aidPerMemberPerMonth": {
          "type": "string",
          "nullable": true
        },
        "listingDays": {
          "type": "integer"
        },
        "timeBank": {
          "type": "object",
          "properties": {
            "warnAt": {
              "type": "string",
              "nullable": true
            },
            "requestAutoAcceptDays": {
              "type": "string",
              "nullable": true
            }
          },
          "required": [
            "warnAt",
            "requestAutoAcceptDays"
          ]
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "aidPerMemberPerMonth",
        "listingDays",
        "timeBank",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/aid/requests/{requestId}/payment": {
    "201": {
      "type": "object",
      "properties": {
        "requestId": {
          "type": "string"
        },
        "amount": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "aidFund": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "requestId",
        "amount",
        "status",
        "aidFund",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/aid/requests/{requestId}/withdrawal": {
    "201": {
      "type": "object",
      "properties": {
        "requestId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "requestId",
        "status",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/aid/requests": {
    "201": {
      "type": "object",
      "properties": {
        "requestId": {
          "type": "string"
        },
        "memberId": {
          "type": "string"
        },
        "amount": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "requestId",
        "memberId",
        "amount",
        "status",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/contributions": {
    "201": {
      "type": "object",
      "properties": {
        "contributionId": {
          "type": "string"
        },
        "kind": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "contributionId",
        "kind",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/funds/transfers": {
    "201": {
      "type": "object",
      "properties": {
        "transferId": {
          "type": "string"
        },
        "general": {
          "type": "string"
        },
        "aid": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "transferId",
        "general",
        "aid",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/imports": {
    "200": {
      "type": "object",
      "properties": {
        "importId": {
          "type": "string"
        },
        "hubId": {
          "type": "string"
        },
        "members": {
          "type": "integer"
        },
        "balances": {
          "type": "integer"
        },
        "dryRun": {
          "type": "boolean"
        },
        "alreadyImported": {
          "type": "boolean"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "importId",
        "hubId",
        "members",
        "balances",
        "dryRun",
        "alreadyImported",
        "position"
      ]
    },
    "201": {
      "type": "object",
      "properties": {
        "importId": {
          "type": "string"
        },
        "hubId": {
          "type": "string"
        },
        "members": {
          "type": "integer"
        },
        "balances": {
          "type": "integer"
        },
        "dryRun": {
          "type": "boolean"
        },
        "alreadyImported": {
          "type": "boolean"
        },
        "tokens": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "memberId": {
                "type": "string"
              },
              "token": {
                "type": "string"
              }
            },
            "required": [
              "memberId",
              "token"
            ]
          }
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "importId",
        "hubId",
        "members",
        "balances",
        "dryRun",
        "alreadyImported",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/listings": {
    "201": {
      "type": "object",
      "properties": {
        "listingId": {
          "type": "string"
        },
        "expiresAt": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "listingId",
        "expiresAt",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/member-changes/{changeId}/confirmation": {
    "201": {
      "type": "object",
      "properties": {
        "changeId": {
          "type": "string"
        },
        "memberId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "roles": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "position": {
          "type": "integer"
        },
        "token": {
          "type": "string"
        }
      },
      "required": [
        "changeId",
        "memberId",
        "status",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/member-changes/{changeId}/rejection": {
    "201": {
      "type": "object",
      "properties": {
        "changeId": {
          "type": "string"
        },
        "memberId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "changeId",
        "memberId",
        "status",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/members/{memberId}/token": {
    "201": {
      "type": "object",
      "properties": {
        "memberId": {
          "type": "string"
        },
        "token": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "memberId",
        "token",
        "position"
      ]
    },
    "202": {
      "type": "object",
      "properties": {
        "memberId": {
          "type": "string"
        },
        "changeId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "memberId",
        "changeId",
        "status",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/members": {
    "201": {
      "type": "object",
      "properties": {
        "memberId": {
          "type": "string"
        },
        "token": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "memberId",
        "token",
        "position"
      ]
    },
    "202": {
      "type": "object",
      "properties": {
        "memberId": {
          "type": "string"
        },
        "changeId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "token": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "memberId",
        "changeId",
        "status",
        "token",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/pool/deposits": {
    "201": {
      "type": "object",
      "properties": {
        "memberId": {
          "type": "string"
        },
        "savings": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "memberId",
        "savings",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/pool/loans/{loanId}/approvals": {
    "201": {
      "type": "object",
      "properties": {
        "loanId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "approvals": {
          "type": "integer"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "loanId",
        "status",
        "approvals",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/pool/loans/{loanId}/cancellation": {
    "201": {
      "type": "object",
      "properties": {
        "loanId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "loanId",
        "status",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/pool/loans/{loanId}/disbursement": {
    "201": {
      "type": "object",
      "properties": {
        "loanId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "loanId",
        "status",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/pool/loans/{loanId}/rejections": {
    "201": {
      "type": "object",
      "properties": {
        "loanId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "loanId",
        "status",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/pool/loans/{loanId}/repayments": {
    "201": {
      "type": "object",
      "properties": {
        "loanId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "interest": {
          "type": "string"
        },
        "principal": {
          "type": "string"
        },
        "outstanding": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "loanId",
        "status",
        "interest",
        "principal",
        "outstanding",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/pool/loans": {
    "201": {
      "type": "object",
      "properties": {
        "loanId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "loanId",
        "status",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/pool/withdrawals": {
    "201": {
      "type": "object",
      "properties": {
        "memberId": {
          "type": "string"
        },
        "savings": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "memberId",
        "savings",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/projects/{projectId}/financing/{financingId}/repayments": {
    "201": {
      "type": "object",
      "properties": {
        "financingId": {
          "type": "string"
        },
        "projectId": {
          "type": "string"
        },
        "owed": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "financingId",
        "projectId",
        "owed",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/projects/{projectId}/financing": {
    "201": {
      "type": "object",
      "properties": {
        "financingId": {
          "type": "string"
        },
        "projectId": {
          "type": "string"
        },
        "owed": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "financingId",
        "projectId",
        "owed",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/projects/{projectId}/spending": {
    "201": {
      "type": "object",
      "properties": {
        "spendingId": {
          "type": "string"
        },
        "projectId": {
          "type": "string"
        },
        "phase": {
          "type": "string"
        },
        "amount": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "spendingId",
        "projectId",
        "phase",
        "amount",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/projects": {
    "201": {
      "type": "object",
      "properties": {
        "projectId": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "projectId",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/reversals/{reversalId}/confirmation": {
    "201": {
      "type": "object",
      "properties": {
        "reversalId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "reversalId",
        "status",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/reversals/{reversalId}/rejection": {
    "201": {
      "type": "object",
      "properties": {
        "reversalId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "reversalId",
        "status",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/reversals": {
    "201": {
      "type": "object",
      "properties": {
        "reversalId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "reversalId",
        "status",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/things/{thingId}/holds": {
    "201": {
      "type": "object",
      "properties": {
        "thingId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "holdId": {
          "type": "string"
        },
        "place": {
          "type": "integer"
        },
        "position": {
          "type": "integer"
        },
        "dueAt": {
          "type": "string"
        }
      },
      "required": [
        "thingId",
        "status",
        "holdId",
        "place",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/things/{thingId}/loans": {
    "201": {
      "type": "object",
      "properties": {
        "thingId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "dueAt": {
          "type": "string"
        },
        "loanId": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        },
        "hours": {
          "type": "object",
          "properties": {
            "transferId": {
              "type": "string"
            },
            "hours": {
              "type": "string"
            },
            "paidTo": {
              "type": "string"
            }
          },
          "required": [
            "transferId",
            "hours",
            "paidTo"
          ]
        }
      },
      "required": [
        "thingId",
        "status",
        "dueAt",
        "loanId",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/things/{thingId}/return": {
    "200": {
      "type": "object",
      "properties": {
        "thingId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "thingId",
        "status",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/things": {
    "201": {
      "type": "object",
      "properties": {
        "thingId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "thingId",
        "status",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/timebank/group-transfers": {
    "201": {
      "type": "object",
      "properties": {
        "groupId": {
          "type": "string"
        },
        "payments": {
          "type": "integer"
        },
        "position": {
          "type": "integer"
        },
        "warnings": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "code": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            },
            "required": [
              "code",
              "message"
            ]
          }
        }
      },
      "required": [
        "groupId",
        "payments",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/timebank/requests/{requestId}/acceptance": {
    "201": {
      "type": "object",
      "properties": {
        "requestId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "transferId": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "requestId",
        "status",
        "transferId",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/timebank/requests/{requestId}/cancellation": {
    "201": {
      "type": "object",
      "properties": {
        "requestId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "requestId",
        "status",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/timebank/requests/{requestId}/rejection": {
    "201": {
      "type": "object",
      "properties": {
        "requestId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "requestId",
        "status",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/timebank/requests": {
    "201": {
      "type": "object",
      "properties": {
        "requestId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "requestId",
        "status",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/timebank/transfers": {
    "201": {
      "type": "object",
      "properties": {
        "transferId": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        },
        "warnings": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "code": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            },
            "required": [
              "code",
              "message"
            ]
          }
        }
      },
      "required": [
        "transferId",
        "position"
      ]
    }
  },
  "POST /hubs": {
    "201": {
      "type": "object",
      "properties": {
        "hubId": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "hubId",
        "position"
      ]
    }
  },
  "PUT /hubs/{hubId}/categories": {
    "200": {
      "type": "object",
      "properties": {
        "categories": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "categoryId": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "retired": {
                "type": "boolean"
              }
            },
            "required": [
              "categoryId",
              "name",
              "retired"
            ]
          }
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "categories",
        "position"
      ]
    }
  },
  "POST /hubs/{hubId}/pool/loans/{loanId}/write-off-votes": {
    "201": {
      "type": "object",
      "properties": {
        "loanId": {
          "type": "string"
        },
        "status": {
          "type": "string"
        },
        "position": {
          "type": "integer"
        }
      },
      "required": [
        "loanId",
        "status",
        "position"
      ]
    }
  }
};

/** The shapes several answers share, named once (components.schemas of the document). */
export const SHARED_SCHEMAS: Readonly<Record<string, SchemaObject>> = {
  "Loan": {
    "type": "object",
    "properties": {
      "loanId": {
        "type": "string"
      },
      "borrowerId": {
        "type": "string"
      },
      "borrowerName": {
        "type": "string"
      },
      "status": {
        "type": "string"
      },
      "principal": {
        "type": "string"
      },
      "termMonths": {
        "type": "integer"
      },
      "annualInterestRate": {
        "type": "string"
      },
      "purpose": {
        "type": "string"
      },
      "projectId": {
        "type": "string",
        "nullable": true
      },
      "appliedBy": {
        "type": "string"
      },
      "appliedAt": {
        "type": "string"
      },
      "decidedAt": {
        "type": "string",
        "nullable": true
      },
      "disbursedAt": {
        "type": "string",
        "nullable": true
      },
      "closedAt": {
        "type": "string",
        "nullable": true
      },
      "approvals": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "treasurerId": {
              "type": "string"
            },
            "role": {
              "type": "string"
            },
            "note": {
              "type": "string"
            },
            "at": {
              "type": "string"
            }
          },
          "required": [
            "treasurerId",
            "role",
            "note",
            "at"
          ]
        }
      },
      "rejection": {
        "type": "string",
        "nullable": true
      },
      "cancelledBy": {
        "type": "string",
        "nullable": true
      },
      "writeOffVotes": {
        "type": "array",
        "items": {}
      },
      "schedule": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "dueDate": {
              "type": "string"
            },
            "interest": {
              "type": "string"
            },
            "number": {
              "type": "integer"
            },
            "principal": {
              "type": "string"
            },
            "total": {
              "type": "string"
            }
          },
          "required": [
            "dueDate",
            "interest",
            "number",
            "principal",
            "total"
          ]
        }
      },
      "paid": {
        "type": "object",
        "properties": {
          "principal": {
            "type": "string"
          },
          "interest": {
            "type": "string"
          },
          "total": {
            "type": "string"
          }
        },
        "required": [
          "principal",
          "interest",
          "total"
        ]
      },
      "outstanding": {
        "type": "string"
      },
      "writtenOff": {
        "type": "string"
      },
      "asOf": {
        "type": "string"
      },
      "arrears": {
        "type": "string"
      },
      "daysPastDue": {
        "type": "integer"
      },
      "position": {
        "type": "integer"
      }
    },
    "required": [
      "loanId",
      "borrowerId",
      "borrowerName",
      "status",
      "principal",
      "termMonths",
      "annualInterestRate",
      "purpose",
      "projectId",
      "appliedBy",
      "appliedAt",
      "decidedAt",
      "disbursedAt",
      "closedAt",
      "approvals",
      "rejection",
      "cancelledBy",
      "writeOffVotes",
      "schedule",
      "paid",
      "outstanding",
      "writtenOff",
      "asOf",
      "arrears",
      "daysPastDue",
      "position"
    ]
  },
  "Listing": {
    "type": "object",
    "properties": {
      "listingId": {
        "type": "string"
      },
      "memberId": {
        "type": "string"
      },
      "displayName": {
        "type": "string"
      },
      "kind": {
        "type": "string"
      },
      "title": {
        "type": "string"
      },
      "description": {
        "type": "string"
      },
      "categoryId": {
        "type": "string"
      },
      "categoryName": {
        "type": "string"
      },
      "hours": {
        "type": "string",
        "nullable": true
      },
      "hoursExchanged": {
        "type": "string"
      },
      "status": {
        "type": "string"
      },
      "postedAt": {
        "type": "string"
      },
      "expiresAt": {
        "type": "string"
      },
      "position": {
        "type": "integer"
      }
    },
    "required": [
      "listingId",
      "memberId",
      "displayName",
      "kind",
      "title",
      "description",
      "categoryId",
      "categoryName",
      "hours",
      "hoursExchanged",
      "status",
      "postedAt",
      "expiresAt",
      "position"
    ]
  },
  "AidRequest": {
    "type": "object",
    "properties": {
      "requestId": {
        "type": "string"
      },
      "memberId": {
        "type": "string"
      },
      "memberName": {
        "type": "string"
      },
      "amount": {
        "type": "string"
      },
      "status": {
        "type": "string"
      },
      "requestedBy": {
        "type": "string"
      },
      "requestedAt": {
        "type": "string"
      },
      "paidBy": {
        "type": "string",
        "nullable": true
      },
      "paidByName": {
        "type": "string",
        "nullable": true
      },
      "closedAt": {
        "type": "string",
        "nullable": true
      },
      "position": {
        "type": "integer"
      },
      "need": {
        "type": "string",
        "nullable": true
      }
    },
    "required": [
      "requestId",
      "memberId",
      "memberName",
      "amount",
      "status",
      "requestedBy",
      "requestedAt",
      "paidBy",
      "paidByName",
      "closedAt",
      "position"
    ]
  },
  "ProjectPhase": {
    "type": "object",
    "properties": {
      "name": {
        "type": "string"
      },
      "budget": {
        "type": "string"
      },
      "financed": {
        "type": "object",
        "properties": {
          "poolLoans": {
            "type": "string"
          },
          "contributions": {
            "type": "string"
          },
          "creditUnion": {
            "type": "string"
          },
          "grant": {
            "type": "string"
          },
          "other": {
            "type": "string"
          },
          "total": {
            "type": "string"
          }
        },
        "required": [
          "poolLoans",
          "contributions",
          "creditUnion",
          "grant",
          "other",
          "total"
        ]
      },
      "spent": {
        "type": "string"
      },
      "remaining": {
        "type": "string"
      }
    },
    "required": [
      "name",
      "budget",
      "financed",
      "spent",
      "remaining"
    ]
  },
  "ReportTimeBank": {
    "type": "object",
    "properties": {
      "hoursExchanged": {
        "type": "string"
      },
      "hoursByCategory": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "categoryId": {
              "type": "string",
              "nullable": true
            },
            "name": {
              "type": "string",
              "nullable": true
            },
            "hours": {
              "type": "string"
            }
          },
          "required": [
            "categoryId",
            "name",
            "hours"
          ]
        }
      },
      "activeMembers": {
        "type": "integer"
      },
      "membersAtOrNearLimit": {
        "type": "integer"
      },
      "hubAccountBalance": {
        "type": "string"
      }
    },
    "required": [
      "hoursExchanged",
      "hoursByCategory",
      "activeMembers",
      "membersAtOrNearLimit",
      "hubAccountBalance"
    ]
  },
  "ReportAid": {
    "type": "object",
    "properties": {
      "contributed": {
        "type": "string"
      },
      "requested": {
        "type": "object",
        "properties": {
          "count": {
            "type": "integer"
          },
          "total": {
            "type": "string"
          }
        },
        "required": [
          "count",
          "total"
        ]
      },
      "paid": {
        "type": "object",
        "properties": {
          "count": {
            "type": "integer"
          },
          "total": {
            "type": "string"
          }
        },
        "required": [
          "count",
          "total"
        ]
      },
      "open": {
        "type": "object",
        "properties": {
          "count": {
            "type": "integer"
          },
          "total": {
            "type": "string"
          }
        },
        "required": [
          "count",
          "total"
        ]
      }
    },
    "required": [
      "contributed",
      "requested",
      "paid",
      "open"
    ]
  },
  "ReportPool": {
    "type": "object",
    "properties": {
      "savings": {
        "type": "string"
      },
      "cash": {
        "type": "string"
      },
      "reserve": {
        "type": "string"
      },
      "loansOutstanding": {
        "type": "string"
      },
      "arrears": {
        "type": "string"
      },
      "portfolioAtRisk30": {
        "type": "string"
      },
      "disbursed": {
        "type": "string"
      },
      "repaid": {
        "type": "string"
      },
      "interestEarned": {
        "type": "string"
      },
      "writtenOff": {
        "type": "string"
      }
    },
    "required": [
      "savings",
      "cash",
      "reserve",
      "loansOutstanding",
      "arrears",
      "portfolioAtRisk30",
      "disbursed",
      "repaid",
      "interestEarned",
      "writtenOff"
    ]
  },
  "ReportContributions": {
    "type": "object",
    "properties": {
      "money": {
        "type": "object",
        "properties": {
          "count": {
            "type": "integer"
          },
          "total": {
            "type": "string"
          }
        },
        "required": [
          "count",
          "total"
        ]
      },
      "inKind": {
        "type": "object",
        "properties": {
          "count": {
            "type": "integer"
          },
          "estimatedValue": {
            "type": "string"
          }
        },
        "required": [
          "count",
          "estimatedValue"
        ]
      },
      "volunteerHours": {
        "type": "object",
        "properties": {
          "count": {
            "type": "integer"
          },
          "hours": {
            "type": "string"
          }
        },
        "required": [
          "count",
          "hours"
        ]
      }
    },
    "required": [
      "money",
      "inKind",
      "volunteerHours"
    ]
  },
  "ReportProject": {
    "type": "object",
    "properties": {
      "projectId": {
        "type": "string"
      },
      "name": {
        "type": "string"
      },
      "budget": {
        "type": "string"
      },
      "financed": {
        "type": "object",
        "properties": {
          "poolLoans": {
            "type": "string"
          },
          "contributions": {
            "type": "string"
          },
          "creditUnion": {
            "type": "string"
          },
          "grant": {
            "type": "string"
          },
          "other": {
            "type": "string"
          },
          "total": {
            "type": "string"
          }
        },
        "required": [
          "poolLoans",
          "contributions",
          "creditUnion",
          "grant",
          "other",
          "total"
        ]
      },
      "spent": {
        "type": "string"
      },
      "remaining": {
        "type": "string"
      },
      "unfinanced": {
        "type": "string"
      },
      "owed": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "lender": {
              "type": "string"
            },
            "source": {
              "type": "string"
            },
            "owed": {
              "type": "string"
            }
          },
          "required": [
            "lender",
            "source",
            "owed"
          ]
        }
      },
      "phases": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ProjectPhase"
        }
      }
    },
    "required": [
      "projectId",
      "name",
      "budget",
      "financed",
      "spent",
      "remaining",
      "unfinanced",
      "owed",
      "phases"
    ]
  },
  "FinancingReport": {
    "type": "object",
    "properties": {
      "hubId": {
        "type": "string"
      },
      "name": {
        "type": "string"
      },
      "currency": {
        "type": "string"
      },
      "asOf": {
        "type": "string"
      },
      "period": {
        "type": "object",
        "properties": {
          "from": {
            "type": "string",
            "nullable": true
          },
          "to": {
            "type": "string"
          }
        },
        "required": [
          "from",
          "to"
        ]
      },
      "contributions": {
        "$ref": "#/components/schemas/ReportContributions"
      },
      "pool": {
        "$ref": "#/components/schemas/ReportPool"
      },
      "loansByProject": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "projectId": {
              "type": "string",
              "nullable": true
            },
            "loans": {
              "type": "integer"
            },
            "disbursed": {
              "type": "string"
            },
            "outstanding": {
              "type": "string"
            }
          },
          "required": [
            "projectId",
            "loans",
            "disbursed",
            "outstanding"
          ]
        }
      },
      "funds": {
        "type": "object",
        "properties": {
          "general": {
            "type": "string"
          },
          "aid": {
            "type": "string"
          }
        },
        "required": [
          "general",
          "aid"
        ]
      },
      "aid": {
        "$ref": "#/components/schemas/ReportAid"
      },
      "projects": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ReportProject"
        }
      },
      "timeBank": {
        "$ref": "#/components/schemas/ReportTimeBank"
      },
      "things": {
        "type": "object",
        "properties": {
          "loansMade": {
            "type": "integer"
          },
          "onLoan": {
            "type": "integer"
          },
          "overdue": {
            "type": "integer"
          },
          "inRepair": {
            "type": "integer"
          }
        },
        "required": [
          "loansMade",
          "onLoan",
          "overdue",
          "inRepair"
        ]
      },
      "corrections": {
        "type": "object",
        "properties": {
          "count": {
            "type": "integer"
          },
          "entries": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "position": {
                  "type": "integer"
                },
                "at": {
                  "type": "string"
                },
                "reverses": {
                  "type": "integer"
                },
                "type": {
                  "type": "string"
                },
                "amount": {
                  "type": "string"
                },
                "unit": {
                  "type": "string"
                }
              },
              "required": [
                "position",
                "at",
                "reverses",
                "type",
                "amount",
                "unit"
              ]
            }
          }
        },
        "required": [
          "count",
          "entries"
        ]
      }
    },
    "required": [
      "hubId",
      "name",
      "currency",
      "asOf",
      "period",
      "contributions",
      "pool",
      "loansByProject",
      "funds",
      "aid",
      "projects",
      "timeBank",
      "things",
      "corrections"
    ]
  }
};
