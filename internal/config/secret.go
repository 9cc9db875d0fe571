package config

// SecretRefName returns NAME for a "${env:NAME}" reference.
func SecretRefName(s string) (string, bool) { return "", false }

// SecretRef builds the "${env:NAME}" reference for NAME.
func SecretRef(name string) string { return "${env:" + name + "}" }
