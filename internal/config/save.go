package config

import "errors"

// Marshal renders c as commented YAML, first line the schema comment.
func Marshal(c *Config) ([]byte, error) {
	return nil, errors.New("config: Marshal not implemented yet")
}

// Save writes c to path atomically.
func Save(path string, c *Config) error { return errors.New("config: Save not implemented yet") }

// WriteFileAtomic writes data to a temp file beside path and renames it
// over path, so a reader never sees a half-written file.
func WriteFileAtomic(path string, data []byte, perm uint32) error {
	return errors.New("config: WriteFileAtomic not implemented yet")
}
