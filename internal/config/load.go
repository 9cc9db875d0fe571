package config

import "errors"

// Load reads and strictly decodes a config file.
func Load(path string) (*Document, error) { return nil, errors.New("config: Load not implemented yet") }

// Parse strictly decodes data; name is used in messages.
func Parse(name string, data []byte) (*Document, error) {
	return nil, errors.New("config: Parse not implemented yet")
}
