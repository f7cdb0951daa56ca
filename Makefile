# quotedb: `make build` sets everything up and builds the database;
# `make test` sets everything up and runs the tests.

# The folder beside the project with the model wheelhouse, seeds and PolNeAR
# (SHARED=... for another place); without it, set-up downloads the models.
SHARED ?= ../shared
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
WHEELHOUSE ?= $(SHARED)/wheels
ARTICLES ?= samples/articles
METADATA ?=
DB ?= quotes.db
CSV ?= quotes.csv
ARTICLE_SECONDS ?= 60
BUILD_ARGS ?=
HOST ?= 127.0.0.1
PORT ?= 8001
POLNEAR ?= $(SHARED)/data/polnear
EVAL_DB ?= polnear-dev.db
SEEDS ?= $(SHARED)/data/seeds
BENCH_DIR ?= $(SHARED)/data/polnear/dev/text
BENCH_ARGS ?=
MODEL_VERSION ?= 0.2
MODEL_DIR ?= extract/model/attribution-$(MODEL_VERSION)
TRAIN_WORK ?= build/train
SEED ?= 0
OUTLETS ?= bench/outlets
OUTLETS_DB ?= outlets.db
OUTLETS_ARGS ?= --errors 3

INSTALLED := $(VENV)/.installed

# A value as one shell word, whatever it holds (spaces, colons, quotes).
quote = '$(subst ','\'',$(1))'

.PHONY: setup build serve export test eval outlets train clean

setup: $(INSTALLED)

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	if [ -d "$(WHEELHOUSE)" ]; then \
		$(BIN)/pip install -q --find-links "$(WHEELHOUSE)" en_core_web_sm==3.8.0 coreferee_model_en; \
	else \
		$(BIN)/python -m spacy download en_core_web_sm && $(BIN)/python -m coreferee install en; \
	fi
	$(BIN)/python -c "import spacy, coreferee; spacy.load('en_core_web_sm').add_pipe('coreferee')"
	touch $@

# Always run: the build itself is incremental (it extracts only new and
# changed articles, and a rebuild with nothing new takes a moment), and make
# cannot list article files whose names hold spaces or colons. Each article
# may take ARTICLE_SECONDS; METADATA=file.tsv names a metadata table kept outside
# the articles folder; BUILD_ARGS passes more options (quotedb build --help).
build: $(INSTALLED)
	$(BIN)/quotedb build $(call quote,$(ARTICLES)) --db $(call quote,$(DB)) \
		--article-seconds $(call quote,$(ARTICLE_SECONDS)) $(if $(METADATA),--metadata $(call quote,$(METADATA))) $(BUILD_ARGS)

# Read-only (immutable) on localhost unless HOST is given, with a SQL time
# limit, no facet suggestions (they scan every column: seconds on a million
# quotes) and 50 rows a page (a page of 100 long quotes takes Datasette about
# 0.2 s to render); plugins/ adds forgiving search, links between quote pages
# and keeps the whole-table counts of the immutable database; templates/ adds
# a few styles.
serve: $(INSTALLED)
	$(BIN)/datasette serve -i "$(DB)" -m datasette-metadata.json \
		--plugins-dir plugins --template-dir templates \
		-h $(HOST) -p $(PORT) --setting sql_time_limit_ms 2000 --setting suggest_facets off \
		--setting default_page_size 50 --setting max_csv_mb 0 \
		--setting facet_time_limit_ms 25

export: $(INSTALLED)
	$(BIN)/quotedb export $(call quote,$(DB)) --csv $(call quote,$(CSV))

test: $(INSTALLED)
	SEEDS="$(SEEDS)" $(BIN)/python -m pytest -q

eval: $(INSTALLED)
	$(BIN)/quotedb build "$(POLNEAR)/dev/text" --db "$(EVAL_DB)"
	$(BIN)/python $(SHARED)/eval/polnear.py "$(EVAL_DB)" "$(POLNEAR)/dev"
	$(BIN)/python $(SHARED)/eval/attributions.py "$(EVAL_DB)" "$(POLNEAR)/dev"
	$(BIN)/python bench/by_confidence.py "$(EVAL_DB)" "$(POLNEAR)/dev" $(SHARED)/eval/polnear.py

# Speakers on news from many outlets: articles written for the check, in the
# house styles of wires, tabloids, broadsheets, local papers and magazines,
# with hand-made gold (bench/outlets/); OUTLETS_ARGS=--errors N shows N
# examples of each error class.
outlets: $(INSTALLED)
	$(BIN)/quotedb build "$(OUTLETS)/articles" --db "$(OUTLETS_DB)"
	$(BIN)/python bench/outlets.py "$(OUTLETS_DB)" "$(OUTLETS)/gold" $(OUTLETS_ARGS)

# The attribution model (extract/learned.py) from PolNeAR train, with a fixed
# seed, under nice: the parsed articles and checkpoints go to TRAIN_WORK, the
# model to MODEL_DIR (committed). `train/evaluate.py` scores it alone on dev.
train: $(INSTALLED)
	nice $(BIN)/python -m train.train "$(POLNEAR)/train" "$(MODEL_DIR)" --work "$(TRAIN_WORK)" --seed $(SEED)

# Build speed against a bare spaCy parse, rebuilds; BENCH_ARGS=--search adds
# Datasette over a million quotes (see bench/bench.py).
.PHONY: bench
bench: $(INSTALLED)
	$(BIN)/python bench/bench.py "$(BENCH_DIR)" $(BENCH_ARGS)

clean:
	rm -rf $(VENV) *.egg-info
