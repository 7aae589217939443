"""Rules as code for "what does it do to our household's net income if she works N hours?".

Pure Python + numpy, no Django import: the web app, the CLI, the batch mode and the tests all
call the same functions. Parameters live as dated YAML files under ``parameters/``; formulas
under ``formulas/`` are small vectorised functions named after the legal concept.
"""
