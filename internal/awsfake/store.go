package awsfake

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"
)

// Store keeps resources of any service, keyed by type and id. It is not
// safe for concurrent use by itself: the Server runs one request at a
// time, and tests reach it through Server.Lock.
type Store struct {
	seq   int
	now   time.Time
	items map[key]*Item
	order []key // creation order, which list operations follow
}

type key struct{ typ, id string }

// Item is one resource.
type Item struct {
	Type string
	ID   string
	// Parent is the id of the resource this one lives in ("" for none);
	// deleting the parent deletes it too.
	Parent string
	ARN    string
	// Value is the adapter's own record of the resource (often an SDK
	// type, or a struct holding several).
	Value any
	// Tags are the resource's tags, as the tagging operations see them.
	Tags map[string]string
}

// NewStore returns an empty store whose clock starts at a fixed instant,
// so that recorded ids and dates are reproducible.
func NewStore() *Store {
	return &Store{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), items: map[key]*Item{}}
}

// Next returns the next number of the store's one sequence (for ids).
func (s *Store) Next() int {
	s.seq++
	return s.seq
}

// Now is the store's clock; every call moves it on by one millisecond,
// so creation dates are distinct and ordered like the creations.
func (s *Store) Now() time.Time {
	s.now = s.now.Add(time.Millisecond)
	return s.now
}

// Put adds it, or replaces the item with the same type and id (keeping its
// place in the creation order).
func (s *Store) Put(it *Item) {
	k := key{it.Type, it.ID}
	if _, ok := s.items[k]; !ok {
		s.order = append(s.order, k)
	}
	if it.Tags == nil {
		it.Tags = map[string]string{}
	}
	s.items[k] = it
}

// Get returns the item of type typ with id.
func (s *Store) Get(typ, id string) (*Item, bool) {
	it, ok := s.items[key{typ, id}]
	return it, ok
}

// Find returns the item of type typ with id and its Value as a T, or
// missing (the service's own not-found error) when there is none.
func Find[T any](s *Store, typ, id string, missing error) (*Item, T, error) {
	it, ok := s.Get(typ, id)
	if !ok {
		var zero T
		return nil, zero, missing
	}
	return it, it.Value.(T), nil
}

// List returns the items of type typ inside parent ("" for all), in
// creation order.
func (s *Store) List(typ, parent string) []*Item {
	var out []*Item
	for _, k := range s.order {
		it := s.items[k]
		if it.Type == typ && (parent == "" || it.Parent == parent) {
			out = append(out, it)
		}
	}
	return out
}

// ByARN finds an item by its ARN.
func (s *Store) ByARN(arn string) (*Item, bool) {
	for _, k := range s.order {
		if it := s.items[k]; it.ARN != "" && it.ARN == arn {
			return it, true
		}
	}
	return nil, false
}

// Delete removes an item and everything inside it.
func (s *Store) Delete(typ, id string) {
	k := key{typ, id}
	if _, ok := s.items[k]; !ok {
		return
	}
	delete(s.items, k)
	s.order = slices.DeleteFunc(s.order, func(x key) bool { return x == k })
	for _, child := range slices.Clone(s.order) {
		if it, ok := s.items[child]; ok && it.Parent == id {
			s.Delete(it.Type, it.ID)
		}
	}
}

// SetTags replaces the tags of an item.
func (it *Item) SetTags(tags map[string]string) {
	it.Tags = maps.Clone(tags)
	if it.Tags == nil {
		it.Tags = map[string]string{}
	}
}

// AddTags adds tags to the item's, a key it has taking the new value.
// When the item would then hold more than max tags it changes nothing and
// returns tooMany: each service caps a resource's tags with its own error.
func (it *Item) AddTags(tags map[string]string, max int, tooMany error) error {
	all := map[string]string{}
	maps.Copy(all, it.Tags)
	maps.Copy(all, tags)
	if len(all) > max {
		return tooMany
	}
	it.Tags = all
	return nil
}

// Page is one page of items for a list operation whose token is the
// offset of the page's first item, as the fakes write it: at most max
// items from token on, and the token of the next page (nil on the last).
func Page(items []*Item, token *string, max int) (page []*Item, next *string) {
	start := 0
	if token != nil {
		start, _ = strconv.Atoi(*token)
	}
	start = min(start, len(items))
	end := min(start+max, len(items))
	if start+max < len(items) {
		n := strconv.Itoa(start + max)
		next = &n
	}
	return items[start:end], next
}

// IDs returns the ids of the items of type typ, in creation order.
func (s *Store) IDs(typ string) []string {
	var out []string
	for _, it := range s.List(typ, "") {
		out = append(out, it.ID)
	}
	return out
}

// String describes the store (for failure messages).
func (s *Store) String() string {
	counts := map[string]int{}
	for _, k := range s.order {
		counts[k.typ]++
	}
	return fmt.Sprint(counts)
}
