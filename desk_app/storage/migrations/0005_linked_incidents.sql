-- Schema 5: finding the incidents that link to a closed one (R24) without reading them all.
CREATE INDEX "incident_linked" ON "incident" ("linked_incident_id") WHERE ("linked_incident_id" IS NOT NULL);
