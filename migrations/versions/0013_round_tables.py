"""round tables: each table's host, harvest and nudge; interview minutes; the spotlight;
max-mix groups; self-chosen teams

Revision ID: 0013_round_tables
Revises: 0012_tables
Create Date: 2026-12-01 15:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013_round_tables'
down_revision = '0012_tables'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'round_table',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('workshop_id', sa.Integer(), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('host_participant_id', sa.Integer(), nullable=True),
        sa.Column('causes', sa.JSON(), nullable=False),
        sa.Column('best_quote', sa.Text(), server_default='', nullable=False),
        sa.Column('quote_agreed', sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column('wish', sa.Text(), server_default='', nullable=False),
        sa.Column('dream', sa.Text(), server_default='', nullable=False),
        sa.Column('harvest_done', sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column('harvested_at', sa.DateTime(), nullable=True),
        sa.Column('nudge', sa.String(length=200), server_default='', nullable=False),
        sa.Column('nudged_at', sa.DateTime(), nullable=True),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['host_participant_id'], ['participant.id'], ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('workshop_id', 'number'),
    )
    with op.batch_alter_table('round_table', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_round_table_workshop_id'), ['workshop_id'], unique=False)
    with op.batch_alter_table('workshop', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('interview_minutes', sa.Integer(), server_default='10', nullable=False)
        )
        batch_op.add_column(sa.Column('spotlight_table', sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column('mix_groups', sa.JSON(), server_default='[]', nullable=False)
        )
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('group', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('team_theme_id', sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f('ix_participant_team_theme_id'), ['team_theme_id'], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f('fk_participant_team_theme_id_theme'), 'theme', ['team_theme_id'], ['id'],
            ondelete='SET NULL',
        )


def downgrade():
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f('fk_participant_team_theme_id_theme'), type_='foreignkey'
        )
        batch_op.drop_index(batch_op.f('ix_participant_team_theme_id'))
        batch_op.drop_column('team_theme_id')
        batch_op.drop_column('group')
    with op.batch_alter_table('workshop', schema=None) as batch_op:
        batch_op.drop_column('mix_groups')
        batch_op.drop_column('spotlight_table')
        batch_op.drop_column('interview_minutes')
    with op.batch_alter_table('round_table', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_round_table_workshop_id'))
    op.drop_table('round_table')
